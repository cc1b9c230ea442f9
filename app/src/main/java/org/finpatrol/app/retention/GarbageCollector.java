package org.finpatrol.app.retention;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compacts old crawl data. A page of a patrol older than the retention goes (with its findings and
 * ads) when a newer page of the same URL exists, so search, the latest evidence of every URL and
 * the change history's last step stay; a WARC file goes when no remaining page and no protected
 * case cites a record in it and it is older than the retention. Protected: the evidence of every
 * open case and of cases closed within their retention. Files being written are never touched.
 */
public final class GarbageCollector {

  static final int BATCH = 500;
  private static final String CLOSED = "('CLOSED_RECTIFIED', 'REFERRED', 'DISMISSED')";

  /** What a collection did (or, dry, would do). */
  public record Result(
      int pagesDeleted, int filesDeleted, long bytesFreed, int filesKeptForCases, boolean dryRun) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Path evidence;
  private final Clock clock;

  public GarbageCollector(
      DataSource dataSource, TransactionTemplate transactions, Path evidence, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = transactions;
    this.evidence = evidence;
    this.clock = clock;
  }

  public Result collect(Retention retention, boolean dryRun) throws IOException {
    Instant now = clock.instant();
    Timestamp pagesBefore = Timestamp.from(now.minus(retention.pages()));
    Timestamp closedBefore = Timestamp.from(now.minus(retention.closedCases()));
    Set<String> protectedRecords = new HashSet<>();
    Set<String> protectedFiles = new HashSet<>();
    jdbc.sql(
            "SELECT e.record_id, e.warc_file FROM case_evidence e JOIN review_case c"
                + " ON c.id = e.case_id WHERE c.status NOT IN "
                + CLOSED
                + " OR c.updated_at >= ?")
        .param(closedBefore)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  protectedRecords.add(rs.getString(1));
                  protectedFiles.add(rs.getString(2));
                });
    List<Long> pages =
        jdbc
            .sql(
                "SELECT p.id, p.record_id FROM page p JOIN patrol_run r ON r.id = p.run_id"
                    + " WHERE r.requested_at < ? AND EXISTS (SELECT 1 FROM page n"
                    + " WHERE n.url_hash = p.url_hash AND n.id > p.id)")
            .param(pagesBefore)
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list()
            .stream()
            .filter(row -> row[1] == null || !protectedRecords.contains((String) row[1]))
            .map(row -> (Long) row[0])
            .toList();
    if (!dryRun) {
      for (int i = 0; i < pages.size(); i += BATCH) {
        List<Long> batch = pages.subList(i, Math.min(pages.size(), i + BATCH));
        transactions.executeWithoutResult(
            s -> {
              jdbc.sql("DELETE FROM finding WHERE page_id IN (:ids)").param("ids", batch).update();
              jdbc.sql("DELETE FROM page_ad WHERE page_id IN (:ids)").param("ids", batch).update();
              jdbc.sql("DELETE FROM page_verdict WHERE page_id IN (:ids)")
                  .param("ids", batch)
                  .update();
              jdbc.sql("DELETE FROM page WHERE id IN (:ids)").param("ids", batch).update();
            });
      }
    }
    Set<String> referenced = new HashSet<>(protectedFiles);
    jdbc.sql(
            dryRun
                ? "SELECT DISTINCT warc_file FROM page WHERE warc_file IS NOT NULL AND id NOT IN"
                    + " (:gone)"
                : "SELECT DISTINCT warc_file FROM page WHERE warc_file IS NOT NULL")
        .params(
            dryRun
                ? java.util.Map.of("gone", pages.isEmpty() ? List.of(-1L) : pages)
                : java.util.Map.of())
        .query(String.class)
        .list()
        .forEach(referenced::add);
    int filesDeleted = 0;
    long bytes = 0;
    int keptForCases = 0;
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(evidence)) {
      try (var list = Files.list(evidence)) {
        list.filter(f -> f.getFileName().toString().endsWith(".warc.gz"))
            .sorted()
            .forEach(files::add);
      }
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (protectedFiles.contains(name)) {
        keptForCases++;
        continue;
      }
      if (referenced.contains(name)
          || Files.getLastModifiedTime(f).toInstant().isAfter(pagesBefore.toInstant())) {
        continue;
      }
      long size = Files.size(f);
      if (!dryRun) {
        Files.delete(f);
      }
      filesDeleted++;
      bytes += size;
    }
    return new Result(pages.size(), filesDeleted, bytes, keptForCases, dryRun);
  }
}
