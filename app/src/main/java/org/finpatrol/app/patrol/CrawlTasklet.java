package org.finpatrol.app.patrol;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.finpatrol.app.AppPaths;
import org.finpatrol.crawler.CrawlSettings;
import org.finpatrol.crawler.CrawlSummary;
import org.finpatrol.crawler.Crawler;
import org.finpatrol.crawler.FetchStatus;
import org.finpatrol.crawler.FetchedPage;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The crawl step: patrols the run's seeds and stores every URL's outcome as it arrives, reporting
 * progress about every two seconds. A restart of the same run first clears what the interrupted
 * crawl stored, so pages are never duplicated.
 */
final class CrawlTasklet implements Tasklet {

  private static final long PROGRESS_EVERY_MS = 2000;

  private final PatrolStore store;
  private final AppPaths paths;
  private final Progress progress;
  private final long minFreeBytes;

  CrawlTasklet(PatrolStore store, AppPaths paths, Progress progress, long minFreeBytes) {
    this.minFreeBytes = minFreeBytes;
    this.store = store;
    this.paths = paths;
    this.progress = progress;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
    long runId = RunIds.of(chunk);
    PatrolRequest request = store.loadRun(runId);
    store.clearRun(runId);
    // Evidence files a crashed patrol left half-written get their torn last record cut off.
    for (var r : org.finpatrol.crawler.evidence.WarcEvidence.recover(paths.evidence())) {
      progress.line(
          "evidence: "
              + r.file()
              + " left by an interrupted patrol, "
              + r.bytesCut()
              + " torn byte(s) cut");
    }
    CrawlSettings settings =
        CrawlSettings.builder(paths.frontier(), paths.evidence())
            .limits(request.maxPages(), request.maxDepth(), request.politenessMs())
            .allowPrivateNetwork(request.allowPrivateNetwork())
            .hostOverrides(resolve(request.hostOverrides()))
            .validators(url -> store.validators(runId, url))
            .minFreeBytes(minFreeBytes)
            .build();
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    Set<String> hosts = ConcurrentHashMap.newKeySet();
    long startedAt = System.currentTimeMillis();
    AtomicLong lastReport = new AtomicLong(startedAt);
    progress.line(
        "crawl: "
            + request.seeds().size()
            + " seed(s), at most "
            + request.maxPages()
            + " pages, depth "
            + request.maxDepth());
    CrawlSummary summary =
        new Crawler(settings)
            .crawl(
                request.seeds(),
                Long.toString(runId),
                page -> {
                  store.savePage(runId, page);
                  (page.status() == FetchStatus.OK || page.status() == FetchStatus.NOT_MODIFIED
                          ? ok
                          : failed)
                      .increment();
                  hosts.add(page.host());
                  long now = System.currentTimeMillis();
                  long last = lastReport.get();
                  if (now - last >= PROGRESS_EVERY_MS && lastReport.compareAndSet(last, now)) {
                    progress.line(
                        line(ok, failed, hosts, page, request.maxPages(), now - startedAt));
                  }
                });
    progress.line(
        String.format(
            java.util.Locale.ROOT,
            "crawl: done in %.1f s, %d fetched, %d failed, %d host(s)",
            summary.elapsed().toMillis() / 1000.0,
            ok.sum(),
            failed.sum(),
            hosts.size()));
    if (!summary.notFollowed().isEmpty()) {
      progress.line("crawl: links not followed: " + summary.notFollowed());
    }
    contribution.incrementReadCount();
    contribution.incrementWriteCount(summary.total());
    if (summary.stoppedBecause() != null) {
      // The step fails; `finpatrol patrol` resumes it once the cause is dealt with.
      throw new IllegalStateException("crawl stopped: " + summary.stoppedBecause());
    }
    if (summary.sinkFailures() > 0) {
      throw new IllegalStateException(
          summary.sinkFailures() + " crawled page(s) could not be stored; see the log");
    }
    return RepeatStatus.FINISHED;
  }

  /**
   * One progress line: pages so far against the limit, the rate, and how long the rest would take
   * at that rate if the crawl went to its limit (an upper bound: a site smaller than the limit ends
   * sooner).
   */
  static String line(
      LongAdder ok,
      LongAdder failed,
      Set<String> hosts,
      FetchedPage last,
      int maxPages,
      long elapsedMs) {
    long done = ok.sum() + failed.sum();
    double perSecond = elapsedMs <= 0 ? 0 : done * 1000.0 / elapsedMs;
    String left =
        perSecond <= 0
            ? ""
            : ", at most "
                + Math.max(0, Math.round((maxPages - done) / perSecond))
                + " s to the page limit";
    return "crawl: "
        + ok.sum()
        + " fetched, "
        + failed.sum()
        + " failed of at most "
        + maxPages
        + ", "
        + hosts.size()
        + " host(s), "
        + String.format(java.util.Locale.ROOT, "%.1f", perSecond)
        + " pages/s"
        + left
        + "; last "
        + last.url();
  }

  private static Map<String, InetAddress> resolve(Map<String, String> overrides)
      throws UnknownHostException {
    Map<String, InetAddress> out = new HashMap<>();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      out.put(e.getKey(), InetAddress.getByName(e.getValue()));
    }
    return out;
  }
}
