package org.finpatrol.app.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TipRateLimitTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-02T02:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @Test
  void anAddressOverItsHourlyLimitIsRefusedUntilTheHourHasPassed() {
    TipRateLimit limit = new TipRateLimit(clock);
    for (int i = 0; i < TipRateLimit.MAX_PER_HOUR; i++) {
      assertThat(limit.allow("203.0.113.7")).isTrue();
    }
    assertThat(limit.allow("203.0.113.7")).isFalse();
    assertThat(limit.allow("203.0.113.8")).as("another address").isTrue();
    now.set(now.get().plus(Duration.ofMinutes(61)));
    assertThat(limit.allow("203.0.113.7")).isTrue();
  }
}
