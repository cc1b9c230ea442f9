package org.finpatrol.app.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.finpatrol.app.TestClock;
import org.junit.jupiter.api.Test;

class TipRateLimitTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-12-02T02:00:00Z"));

  @Test
  void anAddressOverItsHourlyLimitIsRefusedUntilTheHourHasPassed() {
    TipRateLimit limit = new TipRateLimit(clock);
    for (int i = 0; i < TipRateLimit.MAX_PER_HOUR; i++) {
      assertThat(limit.allow("203.0.113.7")).isTrue();
    }
    assertThat(limit.allow("203.0.113.7")).isFalse();
    assertThat(limit.allow("203.0.113.8")).as("another address").isTrue();
    clock.advance(Duration.ofMinutes(61));
    assertThat(limit.allow("203.0.113.7")).isTrue();
  }
}
