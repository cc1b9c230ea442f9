package org.finpatrol.app.patrol;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A disk too full for the evidence stops the patrol with the reason before anything is torn; once
 * there is room, the failed patrol is resumed and completes.
 */
class DiskFullIT {

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = CleanupMode.NEVER)
  Path data;

  private WireMockServer site;
  private ConfigurableApplicationContext context;
  private AppPaths paths;

  @BeforeEach
  void start() {
    site = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    site.start();
    site.stubFor(
        get("/")
            .withHost(equalTo("xinsheng.test"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<title>鑫盛理财</title><p>保本保息，年化收益15%，立即投资</p>")));
    paths = new AppPaths(data, Path.of("../config").toAbsolutePath());
  }

  @AfterEach
  void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    site.stop();
    TestData.remove(data);
  }

  @Test
  void aFullDiskFailsThePatrolWithTheReasonAndItResumesOnceThereIsRoom() throws Exception {
    // More free space asked for than any disk has: the disk is "full".
    context =
        FinPatrolApplication.start(paths, false, 0, Map.of("finpatrol.min-free-mb", "1000000000"));
    PatrolRequest request =
        new PatrolRequest(
            List.of("http://xinsheng.test:" + site.port() + "/"),
            10,
            0,
            0,
            true,
            Map.of("xinsheng.test", "127.0.0.1"));
    PatrolReport full = context.getBean(PatrolService.class).run(request, line -> {});
    assertThat(full.completed()).isFalse();
    assertThat(full.exitDescription()).contains("the patrol stops before the disk fills");
    assertThat(full.pagesByStatus()).isEmpty();
    context.close();

    context = FinPatrolApplication.start(paths, false, 0, Map.of());
    PatrolService patrols = context.getBean(PatrolService.class);
    PatrolService.Interrupted failed = patrols.interrupted().orElseThrow();
    assertThat(failed.runId()).isEqualTo(full.runId());
    assertThat(failed.step()).isEqualTo("crawl");
    PatrolReport resumed = patrols.resume(failed, line -> {});
    assertThat(resumed.completed()).isTrue();
    assertThat(resumed.runId()).isEqualTo(full.runId());
    assertThat(resumed.pagesByStatus()).containsEntry("OK", 1);
    assertThat(resumed.cases()).hasSize(1);
    assertThat(patrols.interrupted()).isEmpty();
  }
}
