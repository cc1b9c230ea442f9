package org.finpatrol.app.patrol;

import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database tests start from: the patrol schema in an in-memory H2 database, a run's row, a
 * page as the steps read it.
 */
public final class PatrolFixtures {

  private PatrolFixtures() {}

  /** A new in-memory H2 database (MySQL mode) with the patrol schema, named after {@code name}. */
  public static JdbcDataSource database(String name) {
    JdbcDataSource db = new JdbcDataSource();
    db.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(db).locations("classpath:db/patrol").load().migrate();
    return db;
  }

  /** A patrol run row with this id (the pages' foreign key). */
  public static void run(JdbcClient jdbc, long id) {
    jdbc.sql(
            "INSERT INTO patrol_run (id, requested_at, seeds, max_pages, max_depth, politeness_ms,"
                + " allow_private_network) VALUES (?, CURRENT_TIMESTAMP, '', 10, 1, 0, FALSE)")
        .param(id)
        .update();
  }

  /** A fetched page of xinsheng.test as the index and classify steps read it, with evidence. */
  static StoredPage storedPage(long id, String url, String title, String text) {
    return new StoredPage(
        id,
        url,
        "xinsheng.test",
        title,
        text,
        Instant.parse("2026-12-03T08:00:00Z"),
        "e.warc.gz",
        "<urn:uuid:1>",
        "ab",
        null,
        0);
  }
}
