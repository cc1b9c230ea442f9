package org.finpatrol.app.patrol;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The run's {@code --max-pages}, shared by the partitions of a spread patrol: each partition takes
 * pages from it in blocks, in the database, so that partitions crawled at once by different workers
 * never fetch more pages together than the patrol may. A partition never takes more than its share
 * of what is left at once and gives back what it did not use when its crawl ends, so a partition
 * with many pages to fetch may use what a small one leaves, for the links it finds afterwards: a
 * link refused while the budget was spent is not followed (crawler4j has marked it seen), so a
 * spread patrol can end with fewer pages than its limit.
 */
public final class PartitionPages {

  /** The partition index of the run's lock row, created with a spread run. */
  static final int LOCK = -1;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  PartitionPages(JdbcClient jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * Takes up to {@code want} pages of the run's budget for the partition; returns how many it got
   * (0 once the partitions together hold the run's {@code max_pages}). No partition gets more than
   * its share of what is left at once, so one that asks first cannot starve the others.
   */
  public int take(long runId, int partition, int want) {
    Integer got =
        tx.execute(
            status -> {
              // Partitions of the run take one after another. The lock is the run's own row of
              // partition_pages (LOCK), not patrol_run's: every page insert holds a shared lock on
              // that (its foreign key) until it commits. (A run recorded before the lock row
              // existed falls back to it.)
              int locked =
                  jdbc.sql(
                          "UPDATE partition_pages SET taken = 0 WHERE run_id = ? AND"
                              + " partition_index = "
                              + LOCK)
                      .param(runId)
                      .update();
              String forUpdate = locked == 0 ? " FOR UPDATE" : "";
              int[] run =
                  jdbc.sql("SELECT max_pages, partitions FROM patrol_run WHERE id = ?" + forUpdate)
                      .param(runId)
                      .query((rs, n) -> new int[] {rs.getInt(1), Math.max(1, rs.getInt(2))})
                      .optional()
                      .orElse(new int[] {0, 1});
              int held = taken(runId);
              int left = run[0] - held;
              int granted = left <= 0 ? 0 : Math.min(want, Math.max(1, left / run[1]));
              if (granted > 0) {
                add(runId, partition, granted);
              }
              return granted;
            });
    return got == null ? 0 : got;
  }

  /** Gives back pages the partition took and did not use (its crawl ended). */
  public void giveBack(long runId, int partition, int unused) {
    if (unused > 0) {
      add(runId, partition, -unused);
    }
  }

  /** The partition's crawl starts (again): whatever it took comes back, as its pages are gone. */
  public void reset(long runId, int partition) {
    jdbc.sql("DELETE FROM partition_pages WHERE run_id = ? AND partition_index = ?")
        .params(runId, partition)
        .update();
  }

  /** Creates the run's lock row (a run spread over partitions, as it is recorded). */
  void open(long runId) {
    jdbc.sql("INSERT INTO partition_pages (run_id, partition_index, taken) VALUES (?, ?, 0)")
        .params(runId, LOCK)
        .update();
  }

  /** Pages the run's partitions hold now. */
  public int taken(long runId) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(taken), 0) FROM partition_pages WHERE run_id = ? AND"
                + " partition_index >= 0")
        .param(runId)
        .query(Integer.class)
        .single();
  }

  private void add(long runId, int partition, int pages) {
    int updated =
        jdbc.sql(
                "UPDATE partition_pages SET taken = taken + ? WHERE run_id = ? AND partition_index"
                    + " = ?")
            .params(pages, runId, partition)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO partition_pages (run_id, partition_index, taken) VALUES (?, ?, ?)")
          .params(runId, partition, Math.max(0, pages))
          .update();
    }
  }
}
