package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The index and classify steps' reader, on the patrol schema in an in-memory H2 database. */
class FetchedPagesTest {

  private JdbcDataSource db;
  private JdbcClient jdbc;

  @BeforeEach
  void schema() {
    db = PatrolFixtures.database("fetched");
    jdbc = JdbcClient.create(db);
    PatrolFixtures.run(jdbc, 1);
    PatrolFixtures.run(jdbc, 2);
  }

  @Test
  void readsTheRunsPagesWithContentInIdOrderAcrossPagesOfRows() throws Exception {
    // Two runs crawled at once interleave their ids; failures and other runs are left out.
    for (int i = 0; i < 9; i++) {
      page(1, "甲.cn", i % 4 == 3 ? "FAILED" : "OK");
      page(2, "甲.cn", "OK");
    }
    page(1, "乙.cn", "NOT_MODIFIED");

    List<StoredPage> read = readAll(new FetchedPages(db, 1, null, 3), new ExecutionContext());

    assertThat(read).extracting(StoredPage::url).hasSize(8).noneMatch(u -> u.endsWith("/FAILED"));
    assertThat(read).extracting(StoredPage::id).isSorted().doesNotHaveDuplicates();
    assertThat(read.get(0).title()).isEqualTo("标题");
    assertThat(ids(1)).containsExactlyElementsOf(read.stream().map(StoredPage::id).toList());
  }

  @Test
  void readsOnlyThePartitionsHosts() throws Exception {
    for (int i = 0; i < 5; i++) {
      page(1, "甲.cn", "OK");
      page(1, "乙.cn", "OK");
    }
    List<StoredPage> read =
        readAll(new FetchedPages(db, 1, Set.of("乙.cn"), 2), new ExecutionContext());
    assertThat(read).extracting(StoredPage::host).hasSize(5).containsOnly("乙.cn");
    assertThat(readAll(new FetchedPages(db, 1, Set.of(), 2), new ExecutionContext())).isEmpty();
  }

  @Test
  void aRestartGoesOnAfterThePagesHandedOutWhenTheStateWasSaved() throws Exception {
    for (int i = 0; i < 7; i++) {
      page(1, "甲.cn", "OK");
    }
    List<Long> all = ids(1);
    FetchedPages first = new FetchedPages(db, 1, null, 3);
    ExecutionContext saved = new ExecutionContext();
    first.open(saved);
    first.read();
    first.read();
    first.read();
    first.read(); // the second page of rows is read, one of its rows handed out
    first.update(saved);
    first.read(); // handed out after the save: read again on restart

    List<StoredPage> rest = readAll(new FetchedPages(db, 1, null, 3), saved);
    assertThat(rest).extracting(StoredPage::id).containsExactlyElementsOf(all.subList(4, 7));
  }

  @Test
  void aPageOfRowsIsReadFromTheIndexWithoutScanningTheRestOfTheRun() {
    for (int i = 0; i < 50; i++) {
      page(1, "甲.cn", "OK");
    }
    String plan =
        jdbc.sql(
                "EXPLAIN ANALYZE SELECT id, body_text FROM page WHERE run_id = 1 AND id > 0"
                    + " AND fetch_status IN "
                    + PatrolStore.WITH_CONTENT
                    + " ORDER BY run_id, id LIMIT 5")
            .query(String.class)
            .single();
    // Ordered by id alone, H2 read all 50 rows of the run and sorted them for each page of rows.
    assertThat(plan).contains("index sorted").containsPattern("scanCount: [1-6]\\b");
  }

  private int pages;

  private void page(long run, String host, String status) {
    int n = ++pages;
    String url = "https://" + host + "/" + n + (status.equals("FAILED") ? "/FAILED" : "");
    jdbc.sql(
            "INSERT INTO page (run_id, url, url_hash, host, depth, fetch_status, http_status,"
                + " truncated, title, body_text, outlinks, fetched_at) VALUES (?, ?, ?, ?, 0, ?,"
                + " 200, FALSE, '标题', '保本保息，年化收益百分之十二。', 0, CURRENT_TIMESTAMP)")
        .params(run, url, String.format("%064d", n), host, status)
        .update();
  }

  private List<Long> ids(long run) {
    return jdbc.sql(
            "SELECT id FROM page WHERE run_id = ? AND fetch_status IN "
                + PatrolStore.WITH_CONTENT
                + " ORDER BY id")
        .param(run)
        .query(Long.class)
        .list();
  }

  private static List<StoredPage> readAll(FetchedPages reader, ExecutionContext context)
      throws Exception {
    reader.open(context);
    List<StoredPage> read = new ArrayList<>();
    for (StoredPage p = reader.read(); p != null; p = reader.read()) {
      read.add(p);
    }
    reader.close();
    return read;
  }
}
