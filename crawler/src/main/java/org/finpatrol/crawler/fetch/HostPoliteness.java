package org.finpatrol.crawler.fetch;

import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-host politeness for crawler4j: each request to a host reserves the next free slot, at least
 * the politeness delay after the previous one, so concurrent threads never hit a host closer
 * together than that. Threads sleep outside the lock; hosts do not wait for each other.
 *
 * <p>crawler4j's own {@code CachedPolitenessServer} records the time of the request that asks, not
 * of the request it schedules, so two threads can fetch from one host milliseconds apart.
 */
final class HostPoliteness implements PolitenessServer {

  private final long delayMs;
  private final Map<String, Long> nextFree = new HashMap<>();

  HostPoliteness(long delayMs) {
    this.delayMs = delayMs;
  }

  @Override
  public long applyPoliteness(WebURL url) {
    if (delayMs <= 0) {
      return NO_POLITENESS_APPLIED;
    }
    String host = host(url.getURL());
    long now = System.currentTimeMillis();
    long start;
    synchronized (nextFree) {
      start = Math.max(now, nextFree.getOrDefault(host, now));
      nextFree.put(host, start + delayMs);
    }
    long wait = start - now;
    return wait > 0 ? wait : NO_POLITENESS_APPLIED;
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      return h == null ? url : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
