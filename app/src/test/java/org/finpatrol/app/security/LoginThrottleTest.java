package org.finpatrol.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.finpatrol.app.TestClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-12-02T02:00:00Z"));

  @Test
  void fiveFailuresLockTheUserForTheWindowThenItMayTryAgain() {
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(throttle.waitFor("Zhang", "10.0.0.1")).isZero();
      throttle.failed("zhang", "10.0.0." + i);
    }
    assertThat(throttle.waitFor("zhang", "10.0.0.9")).isEqualTo(LoginThrottle.WINDOW);
    assertThat(throttle.waitFor("li", "10.0.0.9")).as("another user").isZero();
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.waitFor("zhang", "10.0.0.9")).isEqualTo(Duration.ofMinutes(5));
    clock.advance(Duration.ofMinutes(5));
    assertThat(throttle.waitFor("zhang", "10.0.0.9")).isZero();
  }

  @Test
  void oneAddressGuessingAtManyUsersIsLockedToo() {
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
      throttle.failed("user" + i, "198.51.100.4");
    }
    assertThat(throttle.waitFor("someone-else", "198.51.100.4")).isPositive();
    assertThat(throttle.waitFor("someone-else", "198.51.100.5")).isZero();
  }

  @Test
  void aSuccessClearsTheUsersCount() {
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("wang", "10.0.0.1");
    }
    throttle.succeeded("wang");
    throttle.failed("wang", "10.0.0.1");
    assertThat(throttle.waitFor("wang", "10.0.0.2")).isZero();
  }

  @Test
  void anAttemptIsCountedBeforeThePasswordIsCheckedAndASuccessGivesItBack() {
    LoginThrottle throttle = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      assertThat(throttle.attempt("zhou", "10.0.0.7")).as("attempt " + (i + 1)).isTrue();
    }
    assertThat(throttle.attempt("zhou", "10.0.0.7")).as("parallel guesses hit the limit").isFalse();

    LoginThrottle other = new LoginThrottle(clock);
    for (int i = 0; i < 3 * LoginThrottle.MAX_ADDRESS_FAILURES; i++) {
      assertThat(other.attempt("user" + (i % 3), "10.0.0.8")).isTrue();
      other.succeeded("user" + (i % 3), "10.0.0.8");
    }
    assertThat(other.waitFor("user0", "10.0.0.8")).as("successes do not lock an address").isZero();
  }
}
