package org.finpatrol.crawler.fetch;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.finpatrol.crawler.FetchStatus;
import org.finpatrol.crawler.FetchedPage;
import org.finpatrol.crawler.PageSink;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the crawler threads of one crawl share: scope, evidence writer, the sink, counters.
 * Thread-safe.
 */
public final class CrawlContext {

  private static final Logger log = LoggerFactory.getLogger(CrawlContext.class);

  final Scope scope;
  final WarcEvidence evidence;
  final String userAgent;
  private final PageSink sink;
  private final Map<FetchStatus, LongAdder> counts = new ConcurrentHashMap<>();
  private final LongAdder sinkFailures = new LongAdder();

  public CrawlContext(Scope scope, WarcEvidence evidence, String userAgent, PageSink sink) {
    this.scope = scope;
    this.evidence = evidence;
    this.userAgent = userAgent;
    this.sink = sink;
  }

  /** Counts the page and hands it to the sink; a failing sink is logged, not propagated. */
  public void emit(FetchedPage page) {
    counts.computeIfAbsent(page.status(), k -> new LongAdder()).increment();
    try {
      sink.accept(page);
    } catch (RuntimeException e) {
      sinkFailures.increment();
      log.error("page sink failed for {}", page.url(), e);
    }
  }

  public Map<FetchStatus, Long> counts() {
    Map<FetchStatus, Long> out = new EnumMap<>(FetchStatus.class);
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long sinkFailures() {
    return sinkFailures.sum();
  }
}
