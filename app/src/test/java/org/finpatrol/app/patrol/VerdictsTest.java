package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.finpatrol.classifier.Classification;
import org.finpatrol.classifier.Finding;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The classify step's verdicts in the database: one row a page, replaced when it runs again; and
 * the migration that moved them out of the page table.
 */
class VerdictsTest {

  private DataSource db;
  private JdbcClient jdbc;

  @BeforeEach
  void database() {
    db = emptyDatabase();
    jdbc = JdbcClient.create(db);
  }

  /** An empty database of the test's own: in-memory H2 here, MariaDB in the subclass. */
  DataSource emptyDatabase() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:verdicts-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
    return h2;
  }

  @Test
  void aPageClassifiedAgainKeepsOneVerdictAndItsTextIsLeftAlone() {
    migrate(null);
    PatrolFixtures.run(jdbc, 1);
    long page = page(1, "http://xinsheng.test/");
    Verdicts verdicts = new PatrolStore(db, Clock.systemUTC()).verdicts();

    verdicts.save(List.of(classified(page, true, "NO_LICENCE")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single()).isOne();
    assertThat(flaggedPages()).isOne();
    // A restarted classify step sees the page again, with rules edited in between.
    verdicts.save(List.of(classified(page, false)));

    assertThat(verdicts()).containsExactly(page + " 1 solicitation false true []");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT body_text FROM page").query(String.class).single())
        .isEqualTo("承诺保本保息，年化收益百分之十二。");
    assertThat(flaggedPages()).isZero();
  }

  @Test
  void theMigrationMovesEarlierVerdictsOutOfThePageTable() {
    migrate("16");
    PatrolFixtures.run(jdbc, 1);
    long flagged = page(1, "http://xinsheng.test/");
    long plain = page(1, "http://bank.test/");
    long unclassified = page(1, "http://xinsheng.test/later");
    jdbc.sql(
            "UPDATE page SET page_type = 'solicitation', guaranteed_return = TRUE,"
                + " financial_solicitation = TRUE, signals = 'NO_LICENCE' WHERE id = ?")
        .param(flagged)
        .update();
    jdbc.sql(
            "UPDATE page SET page_type = 'news', guaranteed_return = FALSE,"
                + " financial_solicitation = FALSE, signals = '' WHERE id = ?")
        .param(plain)
        .update();

    migrate(null);

    assertThat(verdicts())
        .containsExactly(
            flagged + " 1 solicitation true true [NO_LICENCE]", plain + " 1 news false false []")
        .noneMatch(row -> row.startsWith(unclassified + " "));
    List<String> columns =
        jdbc.sql("SELECT * FROM page WHERE 1 = 0")
            .query(
                (ResultSetExtractor<List<String>>)
                    rs -> {
                      List<String> names = new java.util.ArrayList<>();
                      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        names.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
                      }
                      return names;
                    });
    assertThat(columns)
        .contains("body_text")
        .doesNotContain("page_type", "guaranteed_return", "financial_solicitation", "signals");
    assertThat(flaggedPages()).isOne();
  }

  /** The dashboard's count of the run's flagged pages. */
  private int flaggedPages() {
    return new PatrolStore(db, Clock.systemUTC()).recentRuns(5).get(0).flagged();
  }

  /** Each verdict row: page, run, page type, guaranteed return, solicitation, [signals]. */
  private List<String> verdicts() {
    return jdbc.sql(
            "SELECT page_id, run_id, page_type, guaranteed_return, financial_solicitation, signals"
                + " FROM page_verdict ORDER BY page_id")
        .query(
            (rs, n) ->
                String.join(
                    " ",
                    String.valueOf(rs.getLong(1)),
                    String.valueOf(rs.getLong(2)),
                    rs.getString(3),
                    String.valueOf(rs.getBoolean(4)),
                    String.valueOf(rs.getBoolean(5)),
                    "[" + rs.getString(6) + "]"))
        .list();
  }

  private void migrate(String target) {
    var flyway = Flyway.configure().dataSource(db).locations("classpath:db/patrol");
    (target == null ? flyway : flyway.target(target)).load().migrate();
  }

  private long page(long run, String url) {
    jdbc.sql(
            "INSERT INTO page (run_id, url, url_hash, host, depth, fetch_status, http_status,"
                + " truncated, title, body_text, outlinks, fetched_at) VALUES (?, ?, ?, 'h', 0, 'OK',"
                + " 200, FALSE, '标题', '承诺保本保息，年化收益百分之十二。', 0, CURRENT_TIMESTAMP)")
        .params(run, url, String.format("%064x", url.hashCode()))
        .update();
    return jdbc.sql("SELECT id FROM page WHERE url = ?").param(url).query(Long.class).single();
  }

  private static ClassifiedPage classified(long id, boolean guaranteed, String... signals) {
    StoredPage page =
        PatrolFixtures.storedPage(id, "http://xinsheng.test/", "标题", "承诺保本保息，年化收益百分之十二。");
    List<Finding> findings =
        guaranteed
            ? List.of(new Finding("gr-1", "GUARANTEED_RETURN", null, 2, 6, "保本保息", "承诺"))
            : List.of();
    return new ClassifiedPage(
        page,
        new Classification(
            page.url(), guaranteed, true, List.of(signals), findings, "solicitation", null),
        Map.of());
  }
}
