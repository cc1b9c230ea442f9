package org.finpatrol.app.patrol;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.store.DatabaseRetry;
import org.finpatrol.app.store.DatabaseUnavailableException;
import org.finpatrol.crawler.CrawlProgress;
import org.finpatrol.crawler.CrawlSettings;
import org.finpatrol.crawler.CrawlSummary;
import org.finpatrol.crawler.Crawler;
import org.finpatrol.crawler.FetchStatus;
import org.finpatrol.crawler.FetchedPage;
import org.finpatrol.crawler.SinkUnavailableException;
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
  private final DatabaseRetry retry;

  /**
   * This thread's own statements, each in a transaction of its own. The step's transaction would
   * otherwise keep the first connection for the whole crawl, where a database restart breaks it
   * unnoticed.
   */
  private final org.springframework.transaction.support.TransactionTemplate alone;

  CrawlTasklet(
      PatrolStore store,
      AppPaths paths,
      Progress progress,
      long minFreeBytes,
      DatabaseRetry retry,
      org.springframework.transaction.PlatformTransactionManager tx) {
    this.minFreeBytes = minFreeBytes;
    this.retry = retry;
    this.alone = new org.springframework.transaction.support.TransactionTemplate(tx);
    this.alone.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.store = store;
    this.paths = paths;
    this.progress = progress;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
    long runId = RunIds.of(chunk);
    if (Boolean.TRUE.equals(alone.execute(s -> store.crawled(runId)))) {
      // The crawl finished before; only the step's own record of it was lost.
      long stored = alone.execute(s -> store.pagesStored(runId));
      progress.line(
          "crawl: finished before the interruption, "
              + stored
              + " page(s) stored; not crawled again");
      contribution.incrementReadCount();
      contribution.incrementWriteCount(stored);
      return RepeatStatus.FINISHED;
    }
    PatrolRequest request = alone.execute(s -> store.loadRun(runId));
    crawl(runId, request, Slice.whole(paths), contribution);
    retry.run(
        "recording the end of the crawl",
        () -> alone.executeWithoutResult(s -> store.crawlFinished(runId)));
    return RepeatStatus.FINISHED;
  }

  /**
   * Crawls the run's seeds of {@code slice} and stores every URL's outcome, after clearing what an
   * interrupted crawl of the same slice stored; throws when the crawl could not finish (the step
   * fails and is resumed later).
   */
  void crawl(long runId, PatrolRequest request, Slice slice, StepContribution contribution)
      throws Exception {
    PartitionPages shared = store.partitionPages();
    alone.executeWithoutResult(
        s -> {
          if (slice.partitioned()) {
            store.clearRun(runId, slice.owned());
            shared.reset(runId, slice.partition());
          } else {
            store.clearRun(runId);
          }
        });
    // Evidence files a crashed patrol left half-written get their torn last record cut off.
    for (var r : org.finpatrol.crawler.evidence.WarcEvidence.recover(paths.evidence())) {
      progress.line(
          "evidence: "
              + r.file()
              + " left by an interrupted patrol, "
              + r.bytesCut()
              + " torn byte(s) cut");
    }
    AtomicReference<DatabaseUnavailableException> databaseAway = new AtomicReference<>();
    // A partition shares the run's --max-pages with the other partitions, wherever they run.
    PageShare share =
        slice.partitioned()
            ? new PageShare(
                want -> {
                  try {
                    return retry.call(
                        "taking pages of the patrol's budget",
                        () -> shared.take(runId, slice.partition(), want));
                  } catch (DatabaseUnavailableException e) {
                    databaseAway.compareAndSet(null, e);
                    return 0;
                  }
                },
                System::currentTimeMillis)
            : null;
    CrawlSettings settings =
        CrawlSettings.builder(slice.frontier(), paths.evidence())
            .limits(request.maxPages(), request.maxDepth(), request.politenessMs())
            .perHostMaxPages(request.maxPagesPerHost())
            .threads(request.threads())
            .threadsPerHost(request.threadsPerHost())
            .allowPrivateNetwork(request.allowPrivateNetwork())
            .hostOverrides(resolve(request.hostOverrides()))
            .validators(
                url -> {
                  try {
                    return retry.call(
                        "reading the validators of " + url, () -> store.validators(runId, url));
                  } catch (DatabaseUnavailableException e) {
                    // Fetched unconditionally; storing it stops the crawl.
                    databaseAway.compareAndSet(null, e);
                    return null;
                  }
                })
            .minFreeBytes(minFreeBytes)
            .hostsOwned(slice.owned())
            .pageBudget(share)
            .build();
    List<String> seeds =
        request.seeds().stream()
            .filter(u -> slice.owned().test(String.valueOf(org.finpatrol.crawler.Urls.host(u))))
            .toList();
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    Map<String, LongAdder> perHost = new ConcurrentHashMap<>();
    long startedAt = System.currentTimeMillis();
    AtomicLong lastReport = new AtomicLong(startedAt);
    progress.line(
        slice.label()
            + ": "
            + seeds.size()
            + " seed(s), at most "
            + request.maxPages()
            + (slice.partitioned() ? " pages shared by the patrol's partitions" : " pages")
            + ", depth "
            + request.maxDepth());
    Crawler crawler = new Crawler(settings);
    CrawlSummary summary;
    try {
      summary =
          crawler.crawl(
              seeds,
              runId + slice.evidenceSuffix(),
              page -> {
                // A database that is away for a moment holds this crawler thread until it is
                // back; one that stays away stops the crawl.
                try {
                  retry.run("storing " + page.url(), () -> store.savePage(runId, page));
                } catch (DatabaseUnavailableException e) {
                  databaseAway.compareAndSet(null, e);
                  throw new SinkUnavailableException(e.getMessage(), e);
                }
                (page.status() == FetchStatus.OK || page.status() == FetchStatus.NOT_MODIFIED
                        ? ok
                        : failed)
                    .increment();
                perHost
                    .computeIfAbsent(String.valueOf(page.host()), h -> new LongAdder())
                    .increment();
                long now = System.currentTimeMillis();
                long last = lastReport.get();
                if (now - last >= PROGRESS_EVERY_MS && lastReport.compareAndSet(last, now)) {
                  progress.line(
                      line(
                          slice.label(),
                          ok,
                          failed,
                          perHost,
                          crawler.progress(),
                          page,
                          request.maxPages(),
                          now - startedAt));
                }
              });
    } finally {
      if (share != null) {
        int unused = share.release();
        try {
          retry.run(
              "giving back unused pages of the patrol's budget",
              () -> shared.giveBack(runId, slice.partition(), unused));
        } catch (DatabaseUnavailableException e) {
          // Kept by this partition: the other partitions may fetch that many fewer pages.
          databaseAway.compareAndSet(null, e);
        }
      }
    }
    progress.line(
        String.format(
            java.util.Locale.ROOT,
            "%s: done in %.1f s, %d fetched, %d failed, %d host(s)",
            slice.label(),
            summary.elapsed().toMillis() / 1000.0,
            ok.sum(),
            failed.sum(),
            perHost.size()));
    if (!summary.notFollowed().isEmpty()) {
      progress.line(slice.label() + ": links not followed: " + summary.notFollowed());
    }
    contribution.incrementReadCount();
    contribution.incrementWriteCount(summary.total());
    if (databaseAway.get() != null) {
      throw databaseAway.get();
    }
    if (summary.stoppedBecause() != null) {
      // The step fails; `finpatrol patrol` resumes it once the cause is dealt with.
      throw new IllegalStateException("crawl stopped: " + summary.stoppedBecause());
    }
    if (summary.sinkFailures() > 0) {
      throw new IllegalStateException(
          summary.sinkFailures() + " crawled page(s) could not be stored; see the log");
    }
  }

  /**
   * What one crawl covers: the whole run, or one partition of its hosts (a worker's share of a
   * patrol spread over several), with the partition's own frontier and evidence file names.
   */
  record Slice(
      String label, Predicate<String> owned, Path frontier, String evidenceSuffix, int partition) {
    static Slice whole(AppPaths paths) {
      return new Slice("crawl", host -> true, paths.frontier(), "", -1);
    }

    static Slice partition(AppPaths paths, long runId, HostPartition partition) {
      return new Slice(
          "crawl " + partition,
          partition,
          paths.partition(runId, partition.index()).resolve("frontier"),
          "-p" + partition.index(),
          partition.index());
    }

    boolean partitioned() {
      return partition >= 0;
    }
  }

  /**
   * One progress line: pages so far, queued and the limit, the rate and how long the queued pages
   * would take at that rate (the queue grows as pages are read, so it is an estimate), the busiest
   * hosts with their pages and the hosts given up; {@code label} names the crawl (the whole run or
   * one partition).
   */
  static String line(
      String label,
      LongAdder ok,
      LongAdder failed,
      Map<String, LongAdder> perHost,
      CrawlProgress crawl,
      FetchedPage last,
      int maxPages,
      long elapsedMs) {
    long done = ok.sum() + failed.sum();
    double perSecond = elapsedMs <= 0 ? 0 : done * 1000.0 / elapsedMs;
    long toDo = Math.min(crawl.queued(), Math.max(0, maxPages - done));
    String left =
        perSecond <= 0 || toDo == 0
            ? ""
            : ", about " + Math.round(toDo / perSecond) + " s for the queued pages";
    List<Map.Entry<String, Long>> busiest =
        perHost.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    StringBuilder hosts = new StringBuilder();
    for (Map.Entry<String, Long> e : busiest.subList(0, Math.min(TOP_HOSTS, busiest.size()))) {
      hosts
          .append(hosts.isEmpty() ? ": " : ", ")
          .append(e.getKey())
          .append(' ')
          .append(e.getValue());
      if (crawl.hostsGivenUp().contains(e.getKey())) {
        hosts.append(" (given up)");
      }
    }
    if (busiest.size() > TOP_HOSTS) {
      hosts.append(", ").append(busiest.size() - TOP_HOSTS).append(" more");
    }
    List<String> quietGivenUp =
        crawl.hostsGivenUp().stream()
            .filter(h -> busiest.stream().limit(TOP_HOSTS).noneMatch(e -> e.getKey().equals(h)))
            .sorted()
            .toList();
    if (!quietGivenUp.isEmpty()) {
      hosts.append("; given up: ").append(String.join(", ", quietGivenUp));
    }
    return label
        + ": "
        + ok.sum()
        + " fetched, "
        + failed.sum()
        + " failed, "
        + crawl.queued()
        + " queued (at most "
        + maxPages
        + " pages), "
        + String.format(java.util.Locale.ROOT, "%.1f", perSecond)
        + " pages/s"
        + left
        + "; "
        + busiest.size()
        + " host(s)"
        + hosts
        + "; last "
        + last.url();
  }

  /** Hosts named in a progress line; the rest are counted. */
  static final int TOP_HOSTS = 3;

  private static Map<String, InetAddress> resolve(Map<String, String> overrides)
      throws UnknownHostException {
    Map<String, InetAddress> out = new HashMap<>();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      out.put(e.getKey(), InetAddress.getByName(e.getValue()));
    }
    return out;
  }
}
