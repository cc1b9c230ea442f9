package org.finpatrol.crawler.fetch;

import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.finpatrol.crawler.Urls;

/**
 * Per-host politeness for crawler4j: each request to a host reserves the next free slot, at least
 * the host's delay after the previous one, so concurrent threads never hit a host closer together
 * than that. Threads sleep outside the lock; hosts do not wait for each other.
 *
 * <p>A host's delay is the configured politeness or its robots.txt {@code Crawl-delay}, whichever
 * is longer (a Crawl-delay is honoured up to {@value #MAX_CRAWL_DELAY_S} s). A {@code Retry-After}
 * pushes the host's next slot back.
 *
 * <p>crawler4j's own {@code CachedPolitenessServer} records the time of the request that asks, not
 * of the request it schedules, so two threads can fetch from one host milliseconds apart.
 */
final class HostPoliteness implements PolitenessServer {

  static final long MAX_CRAWL_DELAY_S = 30;

  private final long delayMs;
  private final Map<String, Long> nextFree = new HashMap<>();
  private volatile Function<String, Duration> crawlDelay = url -> null;

  HostPoliteness(long delayMs) {
    this.delayMs = delayMs;
  }

  /** Where to look up a URL's robots.txt Crawl-delay (null when it has none). */
  void crawlDelays(Function<String, Duration> lookup) {
    this.crawlDelay = lookup;
  }

  @Override
  public long applyPoliteness(WebURL url) {
    String host = key(url.getURL());
    long delay = delayFor(url.getURL());
    long now = System.currentTimeMillis();
    long start;
    synchronized (nextFree) {
      start = Math.max(now, nextFree.getOrDefault(host, now));
      nextFree.put(host, start + delay);
    }
    long wait = start - now;
    return wait > 0 ? wait : NO_POLITENESS_APPLIED;
  }

  /** The host of {@code url} is not to be asked again before {@code pause} has passed. */
  void backOff(String url, Duration pause) {
    String host = key(url);
    long until = System.currentTimeMillis() + pause.toMillis();
    synchronized (nextFree) {
      nextFree.merge(host, until, Math::max);
    }
  }

  long delayFor(String url) {
    Duration robots = crawlDelay.apply(url);
    if (robots == null) {
      return delayMs;
    }
    return Math.max(delayMs, Math.min(robots.toMillis(), MAX_CRAWL_DELAY_S * 1000));
  }

  private static String key(String url) {
    String host = Urls.host(url);
    return host == null ? url : host;
  }
}
