package org.finpatrol.app.store;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Waits out a database that is away for a while (restarting, failing over, unreachable): a call
 * that fails for want of a connection is tried again after 1 s, 2 s, 4 s … (at most 30 s apart)
 * until the budget is spent, then a {@link DatabaseUnavailableException} says what was being done
 * and for how long it waited. Any other failure (a constraint, bad SQL) is thrown at once: trying
 * again would not change it.
 *
 * <p>Only operations that are whole in themselves may be retried: one statement, or one transaction
 * started inside the call. Thread-safe.
 */
public final class DatabaseRetry {

  private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);

  /** Sleeps; a test passes one that only counts. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Duration budget;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final java.util.concurrent.atomic.AtomicLong lastWarning;

  private static final Duration WARN_EVERY = Duration.ofSeconds(10);

  @org.finpatrol.app.SuppressForbidden(
      reason = "waiting is the point: nothing can be stored until the database answers")
  public DatabaseRetry(Duration budget) {
    this(
        budget,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        d -> Thread.sleep(d.toMillis()),
        System::nanoTime);
  }

  public DatabaseRetry(
      Duration budget,
      Duration firstDelay,
      Duration maxDelay,
      Sleeper sleeper,
      LongSupplier nanoTime) {
    if (budget.isNegative() || firstDelay.isNegative() || firstDelay.isZero()) {
      throw new IllegalArgumentException(
          "retry budget must not be negative and the first delay positive");
    }
    this.budget = budget;
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.lastWarning =
        new java.util.concurrent.atomic.AtomicLong(nanoTime.getAsLong() - WARN_EVERY.toNanos());
  }

  /** How long a caller waits for the database before giving up. */
  public Duration budget() {
    return budget;
  }

  public void run(String what, Runnable action) {
    call(
        what,
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * Calls {@code action}, trying again while the database is unreachable.
   *
   * @param what what the call does, for the log and the final message ("storing http://…")
   * @throws DatabaseUnavailableException when the budget is spent
   */
  public <T> T call(String what, Supplier<T> action) {
    long start = nanoTime.getAsLong();
    Duration delay = firstDelay;
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (RuntimeException e) {
        if (!isConnectionFailure(e)) {
          throw e;
        }
        Duration waited = Duration.ofNanos(nanoTime.getAsLong() - start);
        if (waited.plus(delay).compareTo(budget) > 0) {
          throw new DatabaseUnavailableException(
              String.format(
                  Locale.ROOT,
                  "the database did not answer for %d s while %s (%d attempt(s)); last error: %s",
                  waited.toSeconds(),
                  what,
                  attempt,
                  describe(e)),
              e);
        }
        long now = nanoTime.getAsLong();
        long last = lastWarning.get();
        // Crawler threads wait together: one warning every few seconds says it for all of them.
        if (now - last >= WARN_EVERY.toNanos() && lastWarning.compareAndSet(last, now)) {
          log.warn(
              "database unavailable while {} ({}); attempt {} failed, trying again in {} ms",
              what,
              describe(e),
              attempt,
              delay.toMillis());
        }
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new DatabaseUnavailableException(
              "interrupted while waiting for the database (" + what + ")", e);
        }
        delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
      }
    }
  }

  /**
   * Whether {@code e} (or a cause) says the connection is missing rather than the statement wrong:
   * no connection could be had, the server went away, the socket broke. SQL state class 08 is the
   * standard's "connection exception".
   */
  public static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // The message broker's connection failures are not the database's.
      if (t instanceof org.springframework.amqp.AmqpException
          || t instanceof org.finpatrol.app.cluster.BrokerUnavailableException) {
        return false;
      }
      if (t instanceof DatabaseUnavailableException
          || t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException
          || t instanceof RecoverableDataAccessException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof SocketException
          || t instanceof EOFException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
      // HikariCP's stand-in for a connection it closed as broken says so without a SQL state.
      if (t instanceof SQLException sql && "Connection is closed".equals(sql.getMessage())) {
        return true;
      }
      // A rollback that failed after the statement did hides the statement's failure here.
      if (t instanceof TransactionSystemException tx
          && tx.getApplicationException() != null
          && isConnectionFailure(tx.getApplicationException())) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message: the driver's own words about the connection. */
  private static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
    return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }
}
