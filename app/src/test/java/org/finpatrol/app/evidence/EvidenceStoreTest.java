package org.finpatrol.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.finpatrol.app.patrol.PatrolFixtures;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Finding a page by its evidence record, on the patrol schema in an in-memory H2 database. */
class EvidenceStoreTest {

  private JdbcDataSource db;
  private JdbcClient jdbc;

  @BeforeEach
  void schema() {
    db = PatrolFixtures.database("evidence");
    jdbc = JdbcClient.create(db);
    PatrolFixtures.run(jdbc, 1);
    PatrolFixtures.run(jdbc, 2);
    for (int i = 0; i < 60; i++) {
      page(1 + i % 2, i);
    }
  }

  @Test
  void findsThePageOfARecordAmongManyWithoutReadingTheOthers() {
    EvidenceStore store = new EvidenceStore(db, Path.of("evidence"));

    EvidencePage page = store.page("<urn:uuid:41>").orElseThrow();

    assertThat(page.url()).isEqualTo("https://鑫盛.cn/p/41");
    assertThat(page.title()).isEqualTo("第41页");
    assertThat(store.page("<urn:uuid:60>")).isEmpty();
    String plan =
        jdbc.sql(
                "EXPLAIN ANALYZE SELECT id, body_text FROM page WHERE record_id = '<urn:uuid:41>'"
                    + " ORDER BY id DESC")
            .query(String.class)
            .single();
    // Without an index on record_id H2 read all 60 pages to find one.
    assertThat(plan).containsIgnoringCase("ix_page_record").containsPattern("scanCount: [12]\\b");
  }

  private void page(long run, int n) {
    jdbc.sql(
            "INSERT INTO page (run_id, url, url_hash, host, depth, fetch_status, http_status,"
                + " truncated, title, body_text, outlinks, warc_file, record_id, fetched_at)"
                + " VALUES (?, ?, ?, '鑫盛.cn', 0, 'OK', 200, FALSE, ?, '保本保息，年化收益百分之十二。', 0,"
                + " 'e.warc.gz', ?, CURRENT_TIMESTAMP)")
        .params(
            run,
            "https://鑫盛.cn/p/" + n,
            String.format("%064d", n),
            "第" + n + "页",
            "<urn:uuid:" + n + ">")
        .update();
  }
}
