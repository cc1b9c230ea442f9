package org.finpatrol.app.web;

import java.util.LinkedHashSet;
import java.util.List;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.patrol.PatrolRunner;
import org.finpatrol.app.security.Viewer;
import org.finpatrol.crawler.CrawlSettings;
import org.finpatrol.crawler.Seeds;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Checks a patrol asked for from the page or the API, then hands it to the runner. */
@Component
class PatrolLauncher {

  static final int MAX_SEEDS = 1000;

  private final PatrolRunner runner;
  private final AppPaths paths;

  PatrolLauncher(PatrolRunner runner, AppPaths paths) {
    this.runner = runner;
    this.paths = paths;
  }

  /**
   * Starts a patrol of these seed lines (blank lines and # comments skipped).
   *
   * @throws ResponseStatusException 400 naming the bad seed or limit, 409 while one runs
   */
  void start(
      List<String> lines,
      int maxPages,
      int maxDepth,
      int threads,
      int threadsPerHost,
      Viewer viewer) {
    LinkedHashSet<String> seeds = new LinkedHashSet<>();
    lines.stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty() && !s.startsWith("#"))
        .forEach(seeds::add);
    if (seeds.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give at least one seed URL");
    }
    if (seeds.size() > MAX_SEEDS) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "at most " + MAX_SEEDS + " seeds, got " + seeds.size());
    }
    if (maxPages < 1 || maxPages > 100_000) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "max pages must be 1-100000, got " + maxPages);
    }
    if (maxDepth < 0 || maxDepth > 10) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "max depth must be 0-10, got " + maxDepth);
    }
    if (threads < 1 || threads > 64) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "fetch threads must be 1-64, got " + threads);
    }
    if (threadsPerHost < 1 || threadsPerHost > 64) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "fetch threads per host must be 1-64, got " + threadsPerHost);
    }
    var problems =
        Seeds.check(
            List.copyOf(seeds),
            CrawlSettings.builder(paths.frontier(), paths.evidence())
                .allowPrivateNetwork(runner.allowsPrivateNetwork())
                .build());
    if (!problems.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, problems.get(0).message());
    }
    PatrolRunner.Limits asked = runner.limits(maxPages, maxDepth);
    PatrolRunner.Limits limits =
        new PatrolRunner.Limits(
            maxPages, maxDepth, asked.politenessMs(), threads, Math.min(threadsPerHost, threads));
    if (!runner.start(List.copyOf(seeds), limits, viewer.username())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "a patrol is already running");
    }
  }
}
