package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.TestData;
import org.finpatrol.app.store.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code patrol --max-pages-per-host N} stops at N pages of a host, and the run remembers it. */
class PagesPerHostIT {

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = CleanupMode.NEVER)
  Path work;

  private final WireMockServer site = ProductSite.start(40, 0);

  @AfterEach
  void stop() throws Exception {
    site.stop();
    TestData.remove(work);
  }

  @Test
  void aPatrolFetchesAtMostTheGivenPagesOfAHost() throws Exception {
    List<String> args = new ArrayList<>(ProductSite.patrolArgs(site, work));
    args.addAll(List.of("--max-pages-per-host", "10"));
    String[] run = ProductSite.cli(args);
    assertThat(run[0]).as(run[2]).isEqualTo("0");

    DatabaseSettings db = DatabaseSettings.from(Map.of(), work);
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT max_pages_per_host FROM patrol_run")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(10);
      assertThat(ProductSite.counts(c)).containsEntry("pages", 10L);
    }
    assertThat(
            site.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/p/")))
        .hasSize(9);
  }
}
