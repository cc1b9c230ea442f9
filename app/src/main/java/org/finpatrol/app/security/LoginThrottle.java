package org.finpatrol.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins for one user name, or from one
 * address, within {@link #WINDOW}, further attempts for it are refused until the window has passed
 * since the last failure, whatever the password. A success clears the user's count (not the
 * address's, so one known account cannot launder guesses at others). Thread-safe; held in memory (a
 * restart forgets).
 */
public final class LoginThrottle {

  public static final int MAX_FAILURES = 5;
  public static final Duration WINDOW = Duration.ofMinutes(15);

  /** Addresses track many users' failures; they get a larger allowance. */
  static final int MAX_ADDRESS_FAILURES = 4 * MAX_FAILURES;

  private static final int MAX_KEYS = 100_000;

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long {@code username} from {@code address} must still wait; zero when it may try. */
  public Duration waitFor(String username, String address) {
    Instant now = clock.instant();
    Duration user = wait(userKey(username), MAX_FAILURES, now);
    Duration addr = wait(addressKey(address), MAX_ADDRESS_FAILURES, now);
    return user.compareTo(addr) >= 0 ? user : addr;
  }

  /**
   * Reserves one attempt: false when {@code username} or {@code address} must wait; otherwise the
   * attempt counts as failed until {@link #succeeded(String, String)} says otherwise. Checking and
   * counting at once keeps parallel guesses from all passing one check.
   */
  public synchronized boolean attempt(String username, String address) {
    if (!waitFor(username, address).isZero()) {
      return false;
    }
    failed(username, address);
    return true;
  }

  /** The reserved attempt succeeded: the user's count is cleared and the address's given back. */
  public synchronized void succeeded(String username, String address) {
    succeeded(username);
    failures.computeIfPresent(
        addressKey(address),
        (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.last()));
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      failures.values().removeIf(f -> f.last().plus(WINDOW).isBefore(now));
    }
    bump(userKey(username), now);
    bump(addressKey(address), now);
  }

  public void succeeded(String username) {
    failures.remove(userKey(username));
  }

  private void bump(String key, Instant now) {
    failures.merge(
        key,
        new Failures(1, now),
        (old, one) ->
            old.last().plus(WINDOW).isBefore(now) ? one : new Failures(old.count() + 1, now));
  }

  private Duration wait(String key, int max, Instant now) {
    Failures f = failures.get(key);
    if (f == null || f.count() < max) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, f.last().plus(WINDOW));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String userKey(String username) {
    return "u:" + (username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "a:" + (address == null ? "" : address);
  }
}
