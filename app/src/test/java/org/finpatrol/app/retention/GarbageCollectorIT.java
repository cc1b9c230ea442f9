package org.finpatrol.app.retention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.TestData;
import org.finpatrol.app.cli.Cli;
import org.finpatrol.app.cli.Console;
import org.finpatrol.app.patrol.PatrolRequest;
import org.finpatrol.app.patrol.PatrolService;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** gc compacts old pages and evidence files, and keeps what cases cite while they are protected. */
class GarbageCollectorIT {

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = CleanupMode.NEVER)
  Path data;

  private WireMockServer site;
  private ConfigurableApplicationContext context;
  private JdbcClient jdbc;
  private AppPaths paths;

  @BeforeEach
  void start() throws Exception {
    site = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    site.start();
    stub("/", "<title>鑫盛理财</title><p>保本保息，年化收益15%，立即投资</p><a href=\"/about\">关于</a>");
    stub("/about", "<title>关于我们</title><p>鑫盛公司成立于2015年。</p>");
    paths = new AppPaths(data, Path.of("../config").toAbsolutePath());
    context = FinPatrolApplication.start(paths, false, 0, Map.of());
    jdbc = JdbcClient.create(context.getBean(DataSource.class));
  }

  @AfterEach
  void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    site.stop();
    TestData.remove(data);
  }

  private void stub(String path, String body) {
    site.stubFor(
        get(path)
            .withHost(equalTo("xinsheng.test"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
  }

  private void patrol() throws Exception {
    PatrolRequest request =
        new PatrolRequest(
            List.of("http://xinsheng.test:" + site.port() + "/"),
            20,
            1,
            0,
            true,
            Map.of("xinsheng.test", "127.0.0.1"));
    assertThat(context.getBean(PatrolService.class).run(request, line -> {}).completed()).isTrue();
  }

  private GarbageCollector.Result gc(boolean dry) throws Exception {
    DataSource ds = context.getBean(DataSource.class);
    return new GarbageCollector(
            ds,
            new TransactionTemplate(new DataSourceTransactionManager(ds)),
            paths.evidence(),
            Clock.systemUTC())
        .collect(Retention.DEFAULTS, dry);
  }

  private long pages(long run) {
    return jdbc.sql("SELECT COUNT(*) FROM page WHERE run_id = ?")
        .param(run)
        .query(Long.class)
        .single();
  }

  @Test
  void oldPagesGoWhenANewerFetchExistsAndCitedEvidenceStaysWhileItsCaseIsProtected()
      throws Exception {
    patrol();
    List<String> firstFiles;
    try (var files = Files.list(paths.evidence())) {
      firstFiles = files.map(f -> f.getFileName().toString()).toList();
    }
    assertThat(firstFiles).hasSize(1);
    patrol();
    Instant longAgo = Instant.now().minus(Duration.ofDays(200));
    jdbc.sql("UPDATE patrol_run SET requested_at = ? WHERE id = 1")
        .param(Timestamp.from(longAgo))
        .update();
    Files.setLastModifiedTime(paths.evidence().resolve(firstFiles.get(0)), FileTime.from(longAgo));
    assertThat(pages(1)).isEqualTo(2);

    GarbageCollector.Result dry = gc(true);
    assertThat(dry.pagesDeleted()).as("the about page; the cited home page stays").isEqualTo(1);
    assertThat(pages(1)).as("a dry run removes nothing").isEqualTo(2);

    GarbageCollector.Result kept = gc(false);
    assertThat(kept.pagesDeleted()).isEqualTo(1);
    assertThat(kept.filesDeleted()).isZero();
    assertThat(kept.filesKeptForCases()).isGreaterThanOrEqualTo(1);
    assertThat(pages(1)).isEqualTo(1);
    assertThat(paths.evidence().resolve(firstFiles.get(0))).exists();
    assertThat(pages(2)).as("the latest patrol is untouched").isEqualTo(2);

    // The case is dismissed and closed long ago: its evidence is no longer protected.
    long caseId = context.getBean(CaseService.class).list(CaseQuery.all()).get(0).id();
    jdbc.sql("UPDATE review_case SET status = 'DISMISSED', updated_at = ? WHERE id = ?")
        .params(Timestamp.from(Instant.now().minus(Duration.ofDays(2000))), caseId)
        .update();
    context.close();
    context = null;

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        Cli.run(
            new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
            "--data",
            data.toString(),
            "--config",
            paths.config().toString(),
            "gc");
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("removed 1 page(s) older than 180 days with a newer fetch, 1 evidence file(s)");
    assertThat(paths.evidence().resolve(firstFiles.get(0))).doesNotExist();
    try (var files = Files.list(paths.evidence())) {
      assertThat(files.toList()).as("the latest patrol's evidence").hasSize(1);
    }
  }
}
