package org.finpatrol.crawler.fetch;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.finpatrol.crawler.FetchStatus;
import org.finpatrol.crawler.FetchedPage;
import org.finpatrol.crawler.PageSink;
import org.finpatrol.crawler.SinkUnavailableException;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the crawler threads of one crawl share: scope, fetcher, evidence writer, the sink, redirect
 * chains and counters. Thread-safe.
 */
public final class CrawlContext {

  private static final Logger log = LoggerFactory.getLogger(CrawlContext.class);

  /** Redirects followed in a row before the chain is given up. */
  static final int MAX_REDIRECTS = 5;

  public final Scope scope;
  final WarcEvidence evidence;
  final String userAgent;
  final PatrolPageFetcher fetcher;
  private final PageSink sink;
  private final Map<FetchStatus, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<Scope.Refusal, LongAdder> refusals = new ConcurrentHashMap<>();
  private final LongAdder sinkFailures = new LongAdder();
  private final Map<String, Integer> redirectHops = new ConcurrentHashMap<>();
  private final Set<String> fetched = ConcurrentHashMap.newKeySet();
  private volatile String stopReason;
  private volatile Runnable shutdown = () -> {};
  // The log context (MDC) of the thread that started the crawl: a patrol's run and job ids, so
  // the crawler threads' log lines carry them too.
  private final Map<String, String> logContext;

  public CrawlContext(
      Scope scope,
      WarcEvidence evidence,
      String userAgent,
      PatrolPageFetcher fetcher,
      PageSink sink) {
    this.scope = scope;
    this.evidence = evidence;
    this.userAgent = userAgent;
    this.fetcher = fetcher;
    this.sink = sink;
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Map<String, String> context = new java.util.HashMap<>();
    if (mdc != null) {
      mdc.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              context.put(k, v);
            }
          });
    }
    this.logContext = Map.copyOf(context);
  }

  /** Gives the calling crawler thread the log context of the thread that created this crawl. */
  void enterLogContext() {
    MDC.setContextMap(logContext);
  }

  /** What {@link #stop} calls to end the crawl (the controller's shutdown). */
  public void shutdownWith(Runnable shutdown) {
    this.shutdown = shutdown;
  }

  /** Records why the crawl must stop before its end (the first reason wins), and ends it. */
  void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
      log.error("crawl stopped: {}", reason);
    }
    shutdown.run();
  }

  /** Why the crawl stopped before its end, or null. */
  public String stopReason() {
    return stopReason;
  }

  /**
   * Counts the page and hands it to the sink; a failing sink is logged, not propagated, unless it
   * can take no more pages: then the crawl stops.
   */
  public void emit(FetchedPage page) {
    fetched.add(page.url());
    counts.computeIfAbsent(page.status(), k -> new LongAdder()).increment();
    try {
      sink.accept(page);
    } catch (SinkUnavailableException e) {
      sinkFailures.increment();
      stop(e.getMessage());
    } catch (RuntimeException e) {
      sinkFailures.increment();
      log.error("page sink failed for {}", page.url(), e);
    }
  }

  void refused(Scope.Refusal why) {
    refusals.computeIfAbsent(why, k -> new LongAdder()).increment();
  }

  /** Counts {@code links} (or seeds) not followed for {@code why} (none: nothing is counted). */
  public void refused(Scope.Refusal why, long links) {
    if (links > 0) {
      refusals.computeIfAbsent(why, k -> new LongAdder()).add(links);
    }
  }

  /** Notes that {@code from} redirected to {@code to}; returns the length of the chain so far. */
  int redirected(String from, String to) {
    int hops = redirectHops.getOrDefault(from, 0) + 1;
    redirectHops.merge(to, hops, Math::max);
    return hops;
  }

  int redirectHops(String url) {
    return redirectHops.getOrDefault(url, 0);
  }

  boolean alreadyFetched(String url) {
    return fetched.contains(url);
  }

  public Map<FetchStatus, Long> counts() {
    Map<FetchStatus, Long> out = new EnumMap<>(FetchStatus.class);
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public Map<Scope.Refusal, Long> refusals() {
    Map<Scope.Refusal, Long> out = new EnumMap<>(Scope.Refusal.class);
    refusals.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public long sinkFailures() {
    return sinkFailures.sum();
  }
}
