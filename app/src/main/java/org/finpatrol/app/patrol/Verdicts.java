package org.finpatrol.app.patrol;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finpatrol.classifier.Classification;
import org.finpatrol.classifier.Finding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a patrol concluded, as the database keeps it: each page's classification and findings (the
 * classify step), and per host the labels seen, the platform's risk and the flagged pages and ads
 * that become evidence (the platform and queue steps). Handed out by {@link PatrolStore}.
 */
public final class Verdicts {

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;

  Verdicts(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /**
   * Replaces the pages' (and their ads') classification and findings, in batches: one statement
   * each for all the pages' old findings and verdicts, their new verdicts, their ads' and their new
   * findings.
   */
  void save(List<ClassifiedPage> pages) {
    if (pages.isEmpty()) {
      return;
    }
    List<Object[]> ids = new ArrayList<>();
    List<Object[]> classified = new ArrayList<>();
    List<Object[]> ads = new ArrayList<>();
    List<Object[]> findings = new ArrayList<>();
    for (ClassifiedPage c : pages) {
      long page = c.page().id();
      Classification result = c.result();
      ids.add(new Object[] {page});
      classified.add(
          new Object[] {
            result.pageType(),
            result.guaranteedReturn(),
            result.financialSolicitation(),
            String.join(",", result.signals()),
            page
          });
      findings(page, null, result.findings(), findings);
      for (Map.Entry<StoredAd, Classification> e : c.ads().entrySet()) {
        ads.add(
            new Object[] {
              e.getValue().guaranteedReturn(),
              String.join(",", e.getValue().signals()),
              e.getKey().id()
            });
        findings(page, e.getKey().id(), e.getValue().findings(), findings);
      }
    }
    batches.batchUpdate("DELETE FROM finding WHERE page_id = ?", ids);
    // Deleted and inserted, not updated: a restarted step classifies its pages again.
    batches.batchUpdate("DELETE FROM page_verdict WHERE page_id = ?", ids);
    batches.batchUpdate(
        "INSERT INTO page_verdict (run_id, page_id, page_type, guaranteed_return,"
            + " financial_solicitation, signals) SELECT run_id, id, ?, ?, ?, ? FROM page WHERE id = ?",
        classified);
    if (!ads.isEmpty()) {
      batches.batchUpdate(
          "UPDATE page_ad SET guaranteed_return = ?, signals = ? WHERE id = ?", ads);
    }
    if (!findings.isEmpty()) {
      batches.batchUpdate(
          "INSERT INTO finding (run_id, page_id, ad_id, rule_id, category, signal_id, start_offset,"
              + " end_offset, matched_text, basis) SELECT run_id, id, ?, ?, ?, ?, ?, ?, ?, ?"
              + " FROM page WHERE id = ?",
          findings);
    }
  }

  private static void findings(long page, Long adId, List<Finding> found, List<Object[]> rows) {
    for (Finding f : found) {
      rows.add(
          new Object[] {
            adId,
            f.rule(),
            f.category(),
            f.signal(),
            f.start(),
            f.end(),
            PatrolStore.clip(f.text(), 1024),
            PatrolStore.clip(f.basis(), 1024),
            page
          });
    }
  }

  /** Per host: pages fetched, pages with page-level findings, categories and signals seen. */
  public List<HostLabels> hostLabels(long runId) {
    Map<String, HostLabels.Builder> hosts = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT host, COUNT(*) FROM page WHERE run_id = ? AND fetch_status IN "
                + PatrolStore.WITH_CONTENT
                + " GROUP BY host ORDER BY host")
        .param(runId)
        .query(
            (RowCallbackHandler)
                rs ->
                    hosts
                        .computeIfAbsent(rs.getString(1), HostLabels.Builder::new)
                        .pages(rs.getInt(2)));
    jdbc.sql(
            "SELECT p.host, f.page_id, f.category, f.signal_id, f.rule_id FROM finding f"
                + " JOIN page p ON p.id = f.page_id WHERE f.run_id = ? AND f.ad_id IS NULL ORDER BY f.id")
        .param(runId)
        .query(
            (RowCallbackHandler)
                rs ->
                    hosts
                        .computeIfAbsent(rs.getString(1), HostLabels.Builder::new)
                        .finding(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    // Site facts for the risk score: an ICP number on any page (the stored facts are compact
    // JSON, so a non-empty list starts '["'), and flagged ads elsewhere that lead to the host.
    jdbc.sql(
            "SELECT DISTINCT host FROM page WHERE run_id = ?"
                + " AND facts LIKE '%\"icpNumbers\":[\"%'")
        .param(runId)
        .query(
            (RowCallbackHandler)
                rs -> {
                  HostLabels.Builder b = hosts.get(rs.getString(1));
                  if (b != null) {
                    b.showsIcpNumber();
                  }
                });
    jdbc.sql(
            "SELECT a.landing_host, COUNT(DISTINCT a.id) FROM finding f JOIN page_ad a ON a.id = f.ad_id"
                + " JOIN page p ON p.id = a.page_id WHERE f.run_id = ? AND a.landing_host IS NOT NULL"
                + " AND a.landing_host <> p.host GROUP BY a.landing_host")
        .param(runId)
        .query(
            (RowCallbackHandler)
                rs -> {
                  HostLabels.Builder b = hosts.get(rs.getString(1));
                  if (b != null) {
                    b.flaggedAdsElsewhere(rs.getInt(2));
                  }
                });
    return hosts.values().stream().map(HostLabels.Builder::build).toList();
  }

  public void savePlatform(long runId, Platform platform) {
    jdbc.sql("DELETE FROM platform WHERE run_id = ? AND host = ?")
        .params(runId, platform.host())
        .update();
    jdbc.sql(
            "INSERT INTO platform (run_id, host, risk, band, categories, signals, pages, flagged_pages, reasons)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            runId,
            platform.host(),
            platform.risk(),
            platform.band(),
            String.join(",", platform.categories()),
            String.join(",", platform.signals()),
            platform.pages(),
            platform.flaggedPages(),
            PatrolStore.clip(String.join("; ", platform.reasons()), 2048))
        .update();
  }

  public List<Platform> platforms(long runId) {
    return jdbc.sql(
            "SELECT host, risk, band, categories, signals, pages, flagged_pages, reasons FROM platform"
                + " WHERE run_id = ? ORDER BY risk DESC, host")
        .param(runId)
        .query(
            (rs, n) ->
                new Platform(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    PatrolStore.split(rs.getString(4)),
                    PatrolStore.split(rs.getString(5)),
                    rs.getInt(6),
                    rs.getInt(7),
                    PatrolStore.split(rs.getString(8), "; ")))
        .list();
  }

  /** Evidence of the pages of {@code host} that carry page-level findings. */
  public List<org.finpatrol.review.Evidence> flaggedEvidence(long runId, String host) {
    return jdbc.sql(
            "SELECT DISTINCT p.id, p.url, p.warc_file, p.record_id, p.sha256, p.fetched_at FROM page p"
                + " JOIN finding f ON f.page_id = p.id AND f.ad_id IS NULL"
                + " WHERE p.run_id = ? AND p.host = ? AND p.record_id IS NOT NULL ORDER BY p.id")
        .params(runId, host)
        .query((rs, n) -> evidence(rs))
        .list();
  }

  /**
   * The run's ads that carry a category (a guaranteed-return claim, or financial marketing by an
   * unlicensed operator), with the page that showed them as evidence.
   */
  public List<FlaggedAd> flaggedAds(long runId) {
    Map<Long, java.util.Set<String>> categories = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT ad_id, category FROM finding WHERE run_id = ? AND ad_id IS NOT NULL"
                + " AND category IS NOT NULL")
        .param(runId)
        .query(
            (RowCallbackHandler)
                rs ->
                    categories
                        .computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>())
                        .add(rs.getString(2)));
    if (categories.isEmpty()) {
      return List.of();
    }
    return jdbc
        .sql(
            "SELECT a.id, a.text, a.landing_url, a.landing_host, a.signals, p.host, p.id, p.url,"
                + " p.warc_file, p.record_id, p.sha256, p.fetched_at FROM page_ad a JOIN page p ON p.id = a.page_id"
                + " WHERE a.run_id = ? AND p.record_id IS NOT NULL ORDER BY a.id")
        .param(runId)
        .query(
            (rs, n) ->
                new FlaggedAd(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    categories.getOrDefault(rs.getLong(1), java.util.Set.of()),
                    PatrolStore.split(rs.getString(5)),
                    rs.getString(6),
                    new org.finpatrol.review.Evidence(
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getTimestamp(12).toInstant())))
        .list()
        .stream()
        .filter(ad -> !ad.categories().isEmpty())
        .toList();
  }

  private static org.finpatrol.review.Evidence evidence(ResultSet rs) throws SQLException {
    return new org.finpatrol.review.Evidence(
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getTimestamp(6).toInstant());
  }
}
