package org.finpatrol.crawler.fetch;

import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
  private final Map<String, Long> reserved = new ConcurrentHashMap<>();
  private volatile Function<String, Duration> crawlDelay = url -> null;

  HostPoliteness(long delayMs) {
    this.delayMs = delayMs;
  }

  /** Where to look up a URL's robots.txt Crawl-delay (null when it has none). */
  void crawlDelays(Function<String, Duration> lookup) {
    this.crawlDelay = lookup;
  }

  /**
   * The wait before fetching {@code url}: until the slot the frontier reserved for it when it
   * handed the URL out, or (robots.txt, redirect targets) a slot reserved now.
   */
  @Override
  public long applyPoliteness(WebURL url) {
    Long slot = reserved.remove(url.getURL());
    long start = slot != null ? slot : reserve(url.getURL());
    long wait = start - System.currentTimeMillis();
    return wait > 0 ? wait : NO_POLITENESS_APPLIED;
  }

  /** When {@code url}'s host is next free (epoch ms; in the past when it is free now). */
  long nextFree(String url) {
    synchronized (nextFree) {
      return nextFree.getOrDefault(key(url), 0L);
    }
  }

  /**
   * Reserves the next free slot of {@code url}'s host for it, to be waited for when the URL is
   * fetched. The frontier reserves as it hands a URL to a thread, so the next thread is given a URL
   * of a host that is free rather than one more of the same host.
   */
  long reserveFor(String url) {
    long slot = reserve(url);
    reserved.put(url, slot);
    return slot;
  }

  private long reserve(String url) {
    String host = key(url);
    long delay = delayFor(url);
    long now = System.currentTimeMillis();
    synchronized (nextFree) {
      long start = Math.max(now, nextFree.getOrDefault(host, now));
      nextFree.put(host, start + delay);
      return start;
    }
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
