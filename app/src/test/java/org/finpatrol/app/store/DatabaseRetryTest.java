package org.finpatrol.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class DatabaseRetryTest {

  private final AtomicLong now = new AtomicLong();
  private final List<Duration> sleeps = new ArrayList<>();

  /** A retry whose sleeps only move a hand-set clock. */
  private DatabaseRetry retry(Duration budget) {
    return new DatabaseRetry(
        budget,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        d -> {
          sleeps.add(d);
          now.addAndGet(d.toNanos());
        },
        now::get);
  }

  private static RuntimeException noConnection() {
    return new CannotGetJdbcConnectionException(
        "Failed to obtain JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
  }

  @Test
  void waitsOutAnOutageWithGrowingPauses() {
    AtomicInteger calls = new AtomicInteger();
    String stored =
        retry(Duration.ofMinutes(5))
            .call(
                "storing 理财产品页",
                () -> {
                  if (calls.incrementAndGet() <= 4) {
                    throw noConnection();
                  }
                  return "已保存";
                });
    assertThat(stored).isEqualTo("已保存");
    assertThat(sleeps)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8));
  }

  @Test
  void pausesStopGrowingAtTheirCap() {
    AtomicInteger calls = new AtomicInteger();
    retry(Duration.ofMinutes(10))
        .run(
            "x",
            () -> {
              if (calls.incrementAndGet() <= 8) {
                throw noConnection();
              }
            });
    assertThat(sleeps.subList(4, 8)).containsOnly(Duration.ofSeconds(16), Duration.ofSeconds(30));
    assertThat(sleeps.get(7)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void givesUpWhenTheBudgetIsSpentAndSaysWhatItWasDoing() {
    DatabaseRetry retry = retry(Duration.ofSeconds(10));
    assertThatThrownBy(
            () ->
                retry.run(
                    "storing http://理财.example/p/1",
                    () -> {
                      throw noConnection();
                    }))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("storing http://理财.example/p/1")
        .hasMessageContaining("did not answer for 7 s")
        .hasMessageContaining("Connection is not available")
        .hasCauseInstanceOf(CannotGetJdbcConnectionException.class);
    // 1 + 2 + 4 = 7 s waited; another 8 s would pass the budget of 10.
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void otherFailuresAreThrownAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                retry(Duration.ofMinutes(5))
                    .run(
                        "x",
                        () -> {
                          calls.incrementAndGet();
                          throw new DataIntegrityViolationException("Duplicate entry");
                        }))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void recognisesConnectionFailuresByTypeAndSqlState() {
    assertThat(DatabaseRetry.isConnectionFailure(noConnection())).isTrue();
    assertThat(
            DatabaseRetry.isConnectionFailure(
                new IllegalStateException(
                    "step failed", new SQLException("Communications link failure", "08S01"))))
        .isTrue();
    assertThat(
            DatabaseRetry.isConnectionFailure(
                new IllegalStateException("wrapped", new java.net.ConnectException("refused"))))
        .isTrue();
    assertThat(DatabaseRetry.isConnectionFailure(new SQLException("Syntax error", "42000")))
        .isFalse();
    // The statement lost its connection, then the rollback found the connection closed.
    var rollbackFailed =
        new org.springframework.transaction.TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(noConnection());
    assertThat(DatabaseRetry.isConnectionFailure(rollbackFailed)).isTrue();
    assertThat(
            DatabaseRetry.isConnectionFailure(
                new org.springframework.transaction.TransactionSystemException(
                    "commit failed", new SQLException("Deadlock found", "40001"))))
        .isFalse();
    assertThat(DatabaseRetry.isConnectionFailure(new IllegalStateException("crawl stopped")))
        .isFalse();
  }
}
