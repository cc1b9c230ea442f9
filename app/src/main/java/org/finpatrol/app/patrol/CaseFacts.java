package org.finpatrol.app.patrol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the patrol tables say about a case's platform and pages: the operator's contacts (for the
 * county), its flagged pages at the last patrol (for growth), a re-checked URL, the findings on
 * cited pages. Read-only; thread-safe.
 */
public final class CaseFacts {

  private final JdbcClient jdbc;

  public CaseFacts(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /**
   * Addresses and phone numbers the host's pages of this run give for its operator, each once, in
   * the order the pages give them first (a site's footer gives the same ones on every page).
   */
  public Contacts contacts(long runId, String host) {
    Set<String> addresses = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    jdbc.sql(
            "SELECT facts FROM page WHERE run_id = ? AND host = ? AND facts IS NOT NULL ORDER BY id")
        .params(runId, host)
        .query(
            (RowCallbackHandler)
                rs -> {
                  tools.jackson.databind.JsonNode facts =
                      PatrolStore.FACTS_JSON.readTree(rs.getString(1));
                  facts.path("addresses").forEach(a -> addresses.add(a.asString()));
                  facts.path("phones").forEach(p -> phones.add(p.asString()));
                });
    return new Contacts(List.copyOf(addresses), List.copyOf(phones));
  }

  /**
   * The host's flagged pages in the latest earlier patrol that saw it, or -1 when none did (a
   * platform seen for the first time is not "growing").
   */
  public int previousFlaggedPages(long runId, String host) {
    return jdbc.sql(
            "SELECT flagged_pages FROM platform WHERE host = ? AND run_id < ?"
                + " ORDER BY run_id DESC LIMIT 1")
        .params(host, runId)
        .query(Integer.class)
        .optional()
        .orElse(-1);
  }

  /**
   * What this run found at a URL: its fetch status, and how many findings its page (not its ads)
   * has; null when the run did not reach the URL.
   */
  public Recheck recheck(long runId, String url) {
    return jdbc.sql(
            "SELECT p.fetch_status, (SELECT COUNT(*) FROM finding f WHERE f.page_id = p.id"
                + " AND f.ad_id IS NULL) FROM page p WHERE p.run_id = ? AND p.url_hash = ?")
        .params(runId, PatrolStore.hash(url))
        .query((rs, n) -> new Recheck(url, rs.getString(1), rs.getInt(2)))
        .optional()
        .orElse(null);
  }

  /**
   * The findings on the pages behind these evidence records (the pages a case cites), page by page:
   * what a reviewer checks. Findings on ads carry the ad's text as {@code ad}.
   */
  public List<CitedFinding> findingsOn(List<String> recordIds) {
    List<CitedFinding> out = new ArrayList<>();
    for (String record : recordIds) {
      jdbc.sql(
              "SELECT p.url, p.record_id, a.text, f.rule_id, f.category, f.signal_id,"
                  + " f.start_offset, f.end_offset, f.matched_text, f.basis FROM page p"
                  + " JOIN finding f ON f.page_id = p.id AND f.run_id = p.run_id"
                  + " LEFT JOIN page_ad a ON a.id = f.ad_id"
                  + " WHERE p.record_id = ? ORDER BY f.ad_id, f.start_offset, f.id")
          .param(record)
          .query(
              (RowCallbackHandler)
                  rs ->
                      out.add(
                          new CitedFinding(
                              rs.getString(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getString(5),
                              rs.getString(6),
                              rs.getInt(7),
                              rs.getInt(8),
                              rs.getString(9),
                              rs.getString(10))));
    }
    return out;
  }

  /** A finding on a cited page (offsets into "title\ntext", or into the ad's text). */
  public record CitedFinding(
      String url,
      String recordId,
      String ad,
      String rule,
      String category,
      String signal,
      int start,
      int end,
      String text,
      String basis) {}

  /** A cited URL as a re-check found it. */
  public record Recheck(String url, String fetchStatus, int findings) {}

  /** Where an operator says it is and how to call it. */
  public record Contacts(List<String> addresses, List<String> phones) {}
}
