package org.finpatrol.app.tips;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * At most {@link #MAX_PER_HOUR} tips an hour from one address, so the public form cannot flood the
 * patrol's seed list. In memory, thread-safe.
 */
@Component
public class TipRateLimit {

  public static final int MAX_PER_HOUR = 10;
  private static final Duration HOUR = Duration.ofHours(1);
  private static final int MAX_ADDRESSES = 100_000;

  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();
  private final Clock clock;

  public TipRateLimit(Clock clock) {
    this.clock = clock;
  }

  /** Counts a tip from {@code address}; false when that address is over its limit. */
  public boolean allow(String address) {
    Instant now = clock.instant();
    if (recent.size() > MAX_ADDRESSES) {
      recent.values().removeIf(d -> d.isEmpty() || d.peekLast().plus(HOUR).isBefore(now));
    }
    Deque<Instant> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().plus(HOUR).isAfter(now)) {
        times.removeFirst();
      }
      if (times.size() >= MAX_PER_HOUR) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
