package org.finpatrol.crawler;

import java.time.Duration;
import java.util.Map;

/**
 * Counts of a finished crawl: pages by fetch status, links not followed by reason (out of scope,
 * spider-trap guards, host budget), sink failures, and how long it took.
 */
public record CrawlSummary(
    Map<FetchStatus, Long> byStatus,
    Map<String, Long> notFollowed,
    long sinkFailures,
    Duration elapsed,
    String stoppedBecause) {

  public CrawlSummary {
    byStatus = Map.copyOf(byStatus);
    notFollowed = Map.copyOf(notFollowed);
  }

  public long total() {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  public long ok() {
    return byStatus.getOrDefault(FetchStatus.OK, 0L);
  }
}
