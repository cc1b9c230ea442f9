package org.finpatrol.app.schedule;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.patrol.PatrolRunner;
import org.finpatrol.app.patrol.SeedLists;
import org.finpatrol.crawler.CrawlSettings;
import org.finpatrol.crawler.Seeds;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.ReviewCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler {@code finpatrol serve} runs: ticks every {@code tickMillis}, starting due
 * schedules through the {@link PatrolRunner} (so the patrols page shows them live and only one
 * patrol runs at a time). A group's seeds are read from its file when it runs, so edits apply
 * without a restart; a re-check schedule takes the pages cited by cases awaiting re-check.
 */
public final class ScheduledPatrols {

  private static final Logger log = LoggerFactory.getLogger(ScheduledPatrols.class);

  /** A schedule as the patrols page shows it. */
  public record Status(PatrolSchedule schedule, Instant lastRun, String outcome, Instant nextRun) {}

  private final PatrolScheduler scheduler;
  private final ScheduleStore store;
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "patrol-scheduler");
            t.setDaemon(true);
            return t;
          });

  public ScheduledPatrols(
      List<PatrolSchedule> schedules,
      ScheduleStore store,
      PatrolRunner runner,
      CaseService cases,
      AppPaths paths,
      Clock clock) {
    this.store = store;
    this.scheduler =
        new PatrolScheduler(
            schedules, store, s -> launch(s, runner, cases, paths), clock, CaseWorkflow.LOCAL_ZONE);
  }

  /** Starts ticking (the first tick at once). */
  public void start(long tickMillis) {
    if (scheduler.schedules().isEmpty()) {
      return;
    }
    ticker.scheduleWithFixedDelay(this::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
    log.info(
        "{} patrol schedule(s), next runs {}", scheduler.schedules().size(), scheduler.nextRuns());
  }

  private void tick() {
    try {
      scheduler.tick();
    } catch (RuntimeException e) {
      // The database may be away for a while: try again at the next tick.
      log.warn("scheduled patrols: tick failed, trying again later", e);
    }
  }

  public List<Status> status() {
    Map<String, Instant> next = scheduler.nextRuns();
    List<Status> out = new ArrayList<>();
    for (PatrolSchedule s : scheduler.schedules()) {
      out.add(
          new Status(
              s,
              store.last(s.group()).orElse(null),
              store.outcome(s.group()).orElse(null),
              next.get(s.group())));
    }
    return out;
  }

  private static String launch(
      PatrolSchedule s, PatrolRunner runner, CaseService cases, AppPaths paths) {
    List<String> seeds;
    if (s.recheck()) {
      seeds =
          cases.list(new CaseQuery(null, CaseStatus.RECHECK)).stream()
              .map(ReviewCase::id)
              .flatMap(id -> cases.citedUrls(id).stream())
              .distinct()
              .toList();
    } else {
      seeds =
          SeedLists.read(paths.seeds()).stream()
              .filter(l -> l.name().equals(s.group() + ".txt"))
              .flatMap(l -> l.urls().stream())
              .toList();
    }
    if (seeds.isEmpty()) {
      log.info("schedule {}: nothing to patrol, skipped", s.group());
      return "skipped: no seeds";
    }
    var problems =
        Seeds.check(
            seeds,
            CrawlSettings.builder(paths.frontier(), paths.evidence())
                .allowPrivateNetwork(runner.allowsPrivateNetwork())
                .build());
    if (!problems.isEmpty()) {
      log.warn("schedule {}: refused: {}", s.group(), problems.get(0).message());
      return "refused: " + problems.get(0).message();
    }
    var limits =
        new PatrolRunner.Limits(
            s.maxPages(), s.maxDepth(), s.politenessMs(), s.threads(), s.threadsPerHost());
    if (!runner.start(seeds, limits, "schedule " + s.group())) {
      return null;
    }
    log.info("schedule {}: patrol of {} seed(s) started", s.group(), seeds.size());
    return "started: " + seeds.size() + " seed(s)";
  }

  @PreDestroy
  public void stop() {
    ticker.shutdownNow();
  }

  /** Reads and checks {@code config/schedules.yml}; see {@link Schedules}. */
  public static List<PatrolSchedule> load(AppPaths paths) throws IOException {
    return Schedules.load(paths.schedules(), paths.seeds());
  }
}
