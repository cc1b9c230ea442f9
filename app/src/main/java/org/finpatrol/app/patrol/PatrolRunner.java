package org.finpatrol.app.patrol;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts patrols from the web UI and API in the background, one at a time, and keeps the progress
 * of the latest for people watching it live (the last {@link #MAX_LINES} lines). The defaults for a
 * patrol started from the UI (limits, private network, host overrides) are those of the server (the
 * demo sets its own sites').
 */
@Service
public class PatrolRunner {

  static final int MAX_LINES = 200;
  static final int DEFAULT_POLITENESS_MS = 1000;
  private static final Logger log = LoggerFactory.getLogger(PatrolRunner.class);

  /** The latest patrol started here as watchers see it. */
  public record Live(
      boolean running,
      String startedBy,
      Instant startedAt,
      List<String> lines,
      Long runId,
      String status,
      int cases) {}

  private final PatrolService patrols;
  private final Clock clock;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "patrol-runner");
            t.setDaemon(true);
            return t;
          });
  private final Deque<String> lines = new ArrayDeque<>();
  private volatile PatrolRequest defaults;
  private volatile boolean privateNetwork;
  private boolean running;
  private String startedBy;
  private Instant startedAt;
  private Long runId;
  private String status;
  private int cases;

  public PatrolRunner(PatrolService patrols, Clock clock) {
    this.patrols = patrols;
    this.clock = clock;
  }

  /**
   * Sets the seeds suggested for, and the politeness, network permission and host overrides of,
   * patrols started here.
   */
  public void useDefaults(PatrolRequest request) {
    this.defaults = request;
  }

  /** The seeds to suggest: those of {@link #useDefaults}, else none. */
  public List<String> suggestedSeeds() {
    PatrolRequest d = defaults;
    return d == null ? List.of() : d.seeds();
  }

  /**
   * Whether seeds on private addresses are allowed: when the defaults say so (the demo) or the
   * server was started with {@code --allow-private-network}.
   */
  public boolean allowsPrivateNetwork() {
    PatrolRequest d = defaults;
    return privateNetwork || d != null && d.allowPrivateNetwork();
  }

  /** Lets patrols started here reach loopback and private addresses (an intranet deployment). */
  public void allowPrivateNetwork(boolean allow) {
    this.privateNetwork = allow;
  }

  /**
   * The limits of one patrol started here: pages, link depth, pause between requests to one host,
   * fetch threads and how many of them one host may occupy at once.
   */
  public record Limits(
      int maxPages, int maxDepth, int politenessMs, int threads, int threadsPerHost) {}

  /**
   * The limits of a patrol asked for with only pages and depth: the defaults' politeness (else
   * {@value #DEFAULT_POLITENESS_MS} ms) and the default fetch threads.
   */
  public Limits limits(int maxPages, int maxDepth) {
    PatrolRequest d = defaults;
    return new Limits(
        maxPages,
        maxDepth,
        d == null ? DEFAULT_POLITENESS_MS : d.politenessMs(),
        PatrolRequest.DEFAULT_THREADS,
        PatrolRequest.DEFAULT_THREADS_PER_HOST);
  }

  /**
   * Starts a patrol of {@code seeds} with these limits and the defaults' network permission and
   * host overrides.
   *
   * @return false when a patrol started here is still running
   */
  public synchronized boolean start(List<String> seeds, Limits limits, String by) {
    if (running) {
      return false;
    }
    PatrolRequest d = defaults;
    PatrolRequest request =
        new PatrolRequest(
            seeds,
            limits.maxPages(),
            limits.maxDepth(),
            limits.politenessMs(),
            allowsPrivateNetwork(),
            d == null ? java.util.Map.of() : d.hostOverrides(),
            PatrolRequest.DEFAULT_PAGES_PER_HOST,
            limits.threads(),
            limits.threadsPerHost());
    running = true;
    startedBy = by;
    startedAt = clock.instant();
    runId = null;
    status = null;
    cases = 0;
    lines.clear();
    line("patrol of " + seeds.size() + " seed(s) started by " + by);
    executor.execute(() -> run(request));
    return true;
  }

  public synchronized Live live() {
    return new Live(running, startedBy, startedAt, List.copyOf(lines), runId, status, cases);
  }

  private void run(PatrolRequest request) {
    PatrolReport report = null;
    try {
      report = patrols.run(request, this::line);
      line(
          "patrol #"
              + report.runId()
              + " "
              + report.status()
              + ": "
              + report.pagesByStatus()
              + ", "
              + report.cases().size()
              + " case(s) opened or updated");
    } catch (Exception | LinkageError e) {
      log.error("patrol started by {} failed", startedBy, e);
      line("patrol failed: " + e);
    } finally {
      finish(report);
    }
  }

  private synchronized void finish(PatrolReport report) {
    running = false;
    if (report != null) {
      runId = report.runId();
      status = report.status();
      cases = report.cases().size();
    } else {
      status = "FAILED";
    }
  }

  private synchronized void line(String text) {
    if (lines.size() == MAX_LINES) {
      lines.removeFirst();
    }
    lines.addLast(text);
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
