package org.finpatrol.crawler;

import java.util.Set;

/**
 * What a running crawl has still to do, for progress lines: URLs queued (waiting in the frontier or
 * in a crawler thread's hands) and the hosts given up after failing again and again.
 */
public record CrawlProgress(long queued, Set<String> hostsGivenUp) {

  public static final CrawlProgress NOT_RUNNING = new CrawlProgress(0, Set.of());

  public CrawlProgress {
    hostsGivenUp = Set.copyOf(hostsGivenUp);
  }
}
