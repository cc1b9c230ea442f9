package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.finpatrol.app.TestData;
import org.finpatrol.app.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A patrol killed with SIGKILL in the middle of its crawl (in a child JVM) is resumed by the next
 * {@code finpatrol patrol}, and ends with the same pages, findings, index documents and cases as a
 * patrol that was never interrupted.
 */
class CrashResumeIT {

  static final int PAGES = 40;
  static final String CONFIG = Path.of("../config").toAbsolutePath().toString();

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = CleanupMode.NEVER)
  Path work;

  private WireMockServer site;

  @BeforeEach
  void start() {
    site = ProductSite.start(PAGES, 150);
  }

  @AfterEach
  void stop() throws Exception {
    site.stop();
    TestData.remove(work);
  }

  private List<String> patrolArgs(Path data) {
    return ProductSite.patrolArgs(site, data);
  }

  @Test
  void aPatrolKilledMidCrawlIsResumedAndEndsAsACleanRunWould() throws Exception {
    Path crashed = work.resolve("crashed");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.finpatrol.app.Main");
    command.addAll(patrolArgs(crashed));
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("child.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (site.getAllServeEvents().size() < PAGES / 3 && Instant.now().isBefore(deadline)) {
      assertThat(child.isAlive())
          .as("the child ended before it was killed: see child.log")
          .isTrue();
      Thread.sleep(20);
    }
    assertThat(site.getAllServeEvents().size()).isGreaterThanOrEqualTo(PAGES / 3);
    child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(site.getAllServeEvents().size()).as("killed mid-crawl").isLessThan(PAGES + 1);

    assertThat(openEvidence(crashed))
        .as("the dead patrol's WARC file was never finished")
        .isNotEmpty();
    // The dead patrol's heartbeat has to go stale before it counts as interrupted.
    Thread.sleep(PatrolService.DEAD_AFTER.toMillis() + 1000);
    String[] resumed = ProductSite.cli(patrolArgs(crashed));
    assertThat(resumed[0]).as(resumed[2]).isEqualTo("0");
    assertThat(resumed[2]).contains("patrol #1 did not finish (step crawl").contains("resumed");
    assertThat(resumed[2]).contains("left by an interrupted patrol");
    assertThat(openEvidence(crashed)).as("repaired and named").isEmpty();

    Path clean = work.resolve("clean");
    String[] cleanRun = ProductSite.cli(patrolArgs(clean));
    assertThat(cleanRun[0]).as(cleanRun[2]).isEqualTo("0");

    Map<String, Long> afterCrash = counts(crashed);
    Map<String, Long> neverInterrupted = counts(clean);
    assertThat(afterCrash.get("runs")).as("resumed, not a second run").isEqualTo(1);
    assertThat(afterCrash.get("pages")).isEqualTo(PAGES + 1);
    assertThat(afterCrash.get("distinct_pages")).isEqualTo(PAGES + 1);
    assertThat(afterCrash)
        .containsEntry("pages", neverInterrupted.get("pages"))
        .containsEntry("findings", neverInterrupted.get("findings"))
        .containsEntry("cases", neverInterrupted.get("cases"))
        .containsEntry("executions", 2L);
    assertThat(afterCrash.get("cases")).isEqualTo(1);
    assertThat(lines(ProductSite.cli(search(crashed))[1]))
        .isEqualTo(lines(ProductSite.cli(search(clean))[1]))
        .isEqualTo(PAGES / 4);
  }

  private static List<String> openEvidence(Path data) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(data.resolve("evidence"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".open")).toList();
    }
  }

  private static List<String> search(Path data) {
    return List.of(
        "--data",
        data.toString(),
        "--config",
        CONFIG,
        "search",
        "保本保息",
        "--json",
        "--limit",
        "100");
  }

  private static long lines(String out) {
    return out.lines().filter(l -> !l.isBlank()).count();
  }

  private static Map<String, Long> counts(Path data) throws Exception {
    DatabaseSettings db = DatabaseSettings.from(Map.of(), data);
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      return ProductSite.counts(c);
    }
  }
}
