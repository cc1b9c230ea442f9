package org.finpatrol.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.finpatrol.app.patrol.PatrolRunner;
import org.finpatrol.app.patrol.PatrolStore;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseWorkflow;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * FinPatrol's own health indicators and gauges, beside Spring Boot's (database, disk space of the
 * data directory, JVM). Gauges are read when scraped, from the database and the index.
 */
@Configuration
public class OperationsConfiguration {

  /** Health {@code index}: the index opens and answers; its page count. */
  @Bean
  HealthIndicator indexHealthIndicator(PageIndex index) {
    return () -> {
      try {
        return Health.up().withDetail("pages", index.size()).build();
      } catch (IOException | RuntimeException e) {
        return Health.down(e).build();
      }
    };
  }

  /** Health {@code patrol}: the latest run (pages, failures) and whether one is running now. */
  @Bean
  HealthIndicator patrolHealthIndicator(PatrolStore store, PatrolRunner runner) {
    return () -> {
      List<PatrolStore.RunSummary> runs = store.recentRuns(1);
      Health.Builder h = Health.up().withDetail("running", runner.live().running());
      if (runs.isEmpty()) {
        return h.withDetail("last", "no patrol yet").build();
      }
      PatrolStore.RunSummary last = runs.get(0);
      return h.withDetail("last_run", last.id())
          .withDetail("requested_at", last.requestedAt().toString())
          .withDetail("pages", last.pages())
          .withDetail("failed", last.failed())
          .withDetail("flagged", last.flagged())
          .build();
    };
  }

  @Bean
  MeterBinder finpatrolGauges(
      PageIndex index,
      CaseService cases,
      CaseWorkflow workflow,
      PatrolStore store,
      PatrolRunner runner) {
    return registry -> {
      Gauge.builder("finpatrol.index.pages", () -> pages(index))
          .description("pages in the search index")
          .register(registry);
      Gauge.builder(
              "finpatrol.cases.open",
              () ->
                  cases.list(CaseQuery.all()).stream().filter(c -> !c.status().isClosed()).count())
          .description("review cases not closed")
          .register(registry);
      Gauge.builder("finpatrol.cases.overdue", () -> workflow.overdue().size())
          .description("notices past their deadline without a re-check")
          .register(registry);
      Gauge.builder("finpatrol.patrol.running", () -> runner.live().running() ? 1 : 0)
          .description("1 while a patrol started by this server runs")
          .register(registry);
      Gauge.builder("finpatrol.patrol.last.pages", () -> last(store).map(r -> r.pages()).orElse(0))
          .description("pages of the latest patrol")
          .register(registry);
      Gauge.builder(
              "finpatrol.patrol.last.failed", () -> last(store).map(r -> r.failed()).orElse(0))
          .description("pages of the latest patrol that were not fetched")
          .register(registry);
    };
  }

  private static java.util.Optional<PatrolStore.RunSummary> last(PatrolStore store) {
    return store.recentRuns(1).stream().findFirst();
  }

  private static long pages(PageIndex index) {
    try {
      return index.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
