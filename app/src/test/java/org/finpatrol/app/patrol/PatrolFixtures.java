package org.finpatrol.app.patrol;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the patrol package's database tests start from: a run's row, a page as the steps read it.
 */
final class PatrolFixtures {

  private PatrolFixtures() {}

  /** A patrol run row with this id (the pages' foreign key). */
  static void run(JdbcClient jdbc, long id) {
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
