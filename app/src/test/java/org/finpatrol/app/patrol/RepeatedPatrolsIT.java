package org.finpatrol.app.patrol;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One server runs patrol after patrol for months: each must give back every database connection (a
 * report once kept one per patrol, and the soak run's tenth patrol found the pool empty).
 */
class RepeatedPatrolsIT {

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = CleanupMode.NEVER)
  Path data;

  private WireMockServer site;
  private ConfigurableApplicationContext context;

  @AfterEach
  void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    if (site != null) {
      site.stop();
    }
    TestData.remove(data);
  }

  @Test
  void patrolAfterPatrolGivesBackEveryConnection() throws Exception {
    site = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    site.start();
    site.stubFor(
        get("/")
            .withHost(equalTo("xinsheng.test"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<p>保本保息</p><a href=\"/gone\">旧产品</a>")));
    site.stubFor(get("/gone").willReturn(aResponse().withStatus(404)));
    context =
        FinPatrolApplication.start(
            new AppPaths(data, Path.of("../config").toAbsolutePath()),
            false,
            0,
            Map.of(
                "spring.datasource.hikari.maximum-pool-size", "3",
                "spring.datasource.hikari.connection-timeout", "2000"));
    PatrolRequest request =
        new PatrolRequest(
            List.of("http://xinsheng.test:" + site.port() + "/"),
            10,
            1,
            0,
            true,
            Map.of("xinsheng.test", "127.0.0.1"));
    for (int i = 0; i < 5; i++) {
      PatrolReport report = context.getBean(PatrolService.class).run(request, line -> {});
      assertThat(report.completed()).as("patrol " + (i + 1)).isTrue();
      assertThat(report.failures()).as("the 404 is reported").hasSize(1);
    }
    HikariDataSource pool = (HikariDataSource) context.getBean(DataSource.class);
    assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
  }
}
