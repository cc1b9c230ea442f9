package org.finpatrol.app.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.TestData;
import org.finpatrol.app.patrol.PatrolRequest;
import org.finpatrol.app.patrol.PatrolRunner;
import org.finpatrol.app.patrol.PatrolStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** A schedule that is due starts a patrol; a bad schedules file stops a command before work. */
class ScheduledPatrolIT {

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = CleanupMode.NEVER)
  Path data;

  private WireMockServer sites;
  private ConfigurableApplicationContext context;
  private Path config;

  @BeforeEach
  void start() throws IOException {
    sites = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    sites.start();
    sites.stubFor(
        get("/")
            .withHost(equalTo("xinsheng.test"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<title>鑫盛理财</title><p>保本保息，年化收益15%，立即投资</p>")));
    config = data.resolve("config");
    org.finpatrol.app.TestData.copyConfig(config);
  }

  @AfterEach
  void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    sites.stop();
    TestData.remove(data);
  }

  @Test
  void aDueScheduleStartsAPatrolThatThePatrolsPageCanWatch() throws Exception {
    String seed = "http://xinsheng.test:" + sites.port() + "/";
    Files.writeString(config.resolve("seeds/sites.txt"), "# 测试站点\n" + seed + "\n");
    Files.writeString(
        config.resolve("schedules.yml"),
        "schedules:\n  - group: sites\n    cron: \"0 0 3 * * *\"\n    max_depth: 0\n"
            + "    threads: 3\n    threads_per_host: 1\n");
    context =
        FinPatrolApplication.start(new AppPaths(data.resolve("data"), config), false, 0, Map.of());
    PatrolRunner runner = context.getBean(PatrolRunner.class);
    // The test site is on loopback: allowed the way the demo allows its own.
    runner.useDefaults(
        new PatrolRequest(List.of(seed), 20, 0, 0, true, Map.of("xinsheng.test", "127.0.0.1")));
    ScheduleStore store = context.getBean(ScheduleStore.class);
    // Last run three days ago: three nightly runs were missed while the server was down.
    store.ran("sites", Instant.now().minus(Duration.ofDays(3)), "started: 1 seed(s)");
    ScheduledPatrols schedules = context.getBean(ScheduledPatrols.class);
    schedules.start(100);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!"COMPLETED".equals(runner.live().status()) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(runner.live().status())
        .as(String.join("\n", runner.live().lines()))
        .isEqualTo("COMPLETED");
    assertThat(runner.live().startedBy()).isEqualTo("schedule sites");
    assertThat(store.outcome("sites"))
        .hasValueSatisfying(o -> assertThat(o).startsWith("started: 1 seed(s)"));
    Thread.sleep(500); // a few more ticks: the missed runs must not run again
    assertThat(context.getBean(PatrolStore.class).recentRuns(5))
        .singleElement()
        .satisfies(r -> assertThat(r.flagged()).isEqualTo(1));
    assertThat(
            org.springframework.jdbc.core.simple.JdbcClient.create(
                    context.getBean(javax.sql.DataSource.class))
                .sql("SELECT threads, threads_per_host FROM patrol_run")
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getInt(2))
                .list())
        .as("the schedule's fetch threads, kept with the run")
        .containsExactly("3/1");
    assertThat(schedules.status())
        .singleElement()
        .satisfies(s -> assertThat(s.nextRun()).isNotNull());
  }

  @Test
  void aBadSchedulesFileStopsThePatrolBeforeAnyWorkWithExit2() throws Exception {
    Files.writeString(
        config.resolve("schedules.yml"),
        "schedules:\n  - group: default\n    cron: \"every night\"\n  - group: nowhere\n    cron: \"0 0 2 * * *\"\n");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int exit =
        org.finpatrol.app.cli.Cli.run(
            new org.finpatrol.app.cli.Console(
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)),
            "--data",
            data.resolve("data").toString(),
            "--config",
            config.toString(),
            "patrol",
            "--seed",
            "http://xinsheng.test:" + sites.port() + "/",
            "--allow-private-network");
    String errors = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(exit).as(errors).isEqualTo(2);
    assertThat(errors)
        .contains(
            config.resolve("schedules.yml") + ":3: cron 'every night' is not a cron expression")
        .contains(config.resolve("schedules.yml") + ":4: group 'nowhere' has no seed file");
    assertThat(sites.getAllServeEvents()).as("no work started").isEmpty();
  }
}
