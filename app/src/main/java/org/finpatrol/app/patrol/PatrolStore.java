package org.finpatrol.app.patrol;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.finpatrol.crawler.Ad;
import org.finpatrol.crawler.FetchStatus;
import org.finpatrol.crawler.FetchedPage;
import org.finpatrol.crawler.Urls;
import org.finpatrol.crawler.Validators;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * JDBC access to the patrol's working tables (patrol_run, page, page_ad, finding, platform).
 * Thread-safe: crawler threads save pages concurrently, each insert in its own auto-commit
 * statement or in the caller's transaction.
 */
public class PatrolStore {

  private static final int MAX_TITLE = 1000;
  private static final int MAX_CAUSE = 1000;
  private static final int MAX_AD_TEXT = 2000;

  static final tools.jackson.databind.json.JsonMapper FACTS_JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Verdicts verdicts;
  private final Clock clock;
  private final RunBeats beats;
  private final org.springframework.transaction.support.TransactionTemplate tx;

  public PatrolStore(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.verdicts = new Verdicts(jdbc, new org.springframework.jdbc.core.JdbcTemplate(dataSource));
    this.clock = clock;
    this.beats = new RunBeats(jdbc);
    this.tx =
        new org.springframework.transaction.support.TransactionTemplate(
            new org.springframework.jdbc.support.JdbcTransactionManager(dataSource));
  }

  public long createRun(PatrolRequest request) {
    return createRun(request, 1);
  }

  /**
   * Records a run spread over {@code partitions} partitions of its hosts (1: one process does all).
   */
  public long createRun(PatrolRequest request, int partitions) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO patrol_run (requested_at, seeds, max_pages, max_depth, politeness_ms,"
                + " allow_private_network, host_overrides, max_pages_per_host, partitions,"
                + " threads, threads_per_host)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            Timestamp.from(clock.instant()),
            String.join("\n", request.seeds()),
            request.maxPages(),
            request.maxDepth(),
            request.politenessMs(),
            request.allowPrivateNetwork(),
            encode(request.hostOverrides()),
            request.maxPagesPerHost(),
            partitions,
            request.threads(),
            request.threadsPerHost())
        .update(key, "id");
    long runId = key.getKey().longValue();
    if (partitions > 1) {
      partitionPages().open(runId);
    }
    return runId;
  }

  public PatrolRequest loadRun(long runId) {
    return jdbc.sql(
            "SELECT seeds, max_pages, max_depth, politeness_ms, allow_private_network,"
                + " host_overrides, max_pages_per_host, threads, threads_per_host"
                + " FROM patrol_run WHERE id = ?")
        .param(runId)
        .query(
            (rs, n) ->
                new PatrolRequest(
                    Arrays.stream(rs.getString(1).split("\n")).filter(s -> !s.isBlank()).toList(),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getBoolean(5),
                    decode(rs.getString(6)),
                    rs.getObject(7) == null ? PatrolRequest.DEFAULT_PAGES_PER_HOST : rs.getInt(7),
                    // Runs recorded before threads were a choice had the defaults.
                    rs.getObject(8) == null ? PatrolRequest.DEFAULT_THREADS : rs.getInt(8),
                    rs.getObject(9) == null
                        ? PatrolRequest.DEFAULT_THREADS_PER_HOST
                        : rs.getInt(9)))
        .optional()
        .orElseThrow(() -> new IllegalStateException("no patrol run " + runId));
  }

  /** The hosts of the pages the run has stored. */
  public List<String> hostsOf(long runId) {
    return jdbc.sql("SELECT DISTINCT host FROM page WHERE run_id = ?")
        .param(runId)
        .query(String.class)
        .list();
  }

  /** The partitions the run is spread over; 1 when one process runs all of it. */
  public int partitions(long runId) {
    Integer n =
        jdbc.sql("SELECT partitions FROM patrol_run WHERE id = ?")
            .param(runId)
            .query(Integer.class)
            .optional()
            .orElse(null);
    return n == null || n < 1 ? 1 : n;
  }

  /**
   * Removes what an interrupted crawl of one partition of this run left ({@code owned} says which
   * hosts are the partition's), leaving the other partitions' pages alone.
   */
  public void clearRun(long runId, java.util.function.Predicate<String> owned) {
    for (String host : hostsOf(runId)) {
      if (!owned.test(host)) {
        continue;
      }
      String pages = "(SELECT id FROM page WHERE run_id = ? AND host = ?)";
      jdbc.sql("DELETE FROM finding WHERE run_id = ? AND page_id IN " + pages)
          .params(runId, runId, host)
          .update();
      jdbc.sql("DELETE FROM page_ad WHERE run_id = ? AND page_id IN " + pages)
          .params(runId, runId, host)
          .update();
      jdbc.sql("DELETE FROM page_verdict WHERE run_id = ? AND page_id IN " + pages)
          .params(runId, runId, host)
          .update();
      jdbc.sql("DELETE FROM page WHERE run_id = ? AND host = ?").params(runId, host).update();
    }
  }

  /** Removes what an interrupted crawl of this run left, so a restarted crawl starts clean. */
  public void clearRun(long runId) {
    jdbc.sql("DELETE FROM platform WHERE run_id = ?").param(runId).update();
    jdbc.sql("DELETE FROM finding WHERE run_id = ?").param(runId).update();
    jdbc.sql("DELETE FROM page_ad WHERE run_id = ?").param(runId).update();
    jdbc.sql("DELETE FROM page_verdict WHERE run_id = ?").param(runId).update();
    jdbc.sql("DELETE FROM page WHERE run_id = ?").param(runId).update();
  }

  /** The most links kept per page for following after a 304. */
  static final int MAX_LINKS = 1000;

  private static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }

  /** Fetch statuses whose page has content to index and classify. */
  static final String WITH_CONTENT = "('OK', 'NOT_MODIFIED')";

  /** What the latest earlier patrol stored for a URL. */
  private record Previous(
      long runId,
      String title,
      String text,
      String sha256,
      String warcFile,
      String recordId,
      Long offset,
      Timestamp fetchedAt,
      String etag,
      String lastModified,
      String facts,
      String links) {}

  private java.util.Optional<Previous> previous(long runId, String urlHash) {
    return jdbc.sql(
            "SELECT run_id, title, body_text, sha256, warc_file, record_id, warc_offset, fetched_at,"
                + " etag, last_modified, facts, links FROM page WHERE url_hash = ? AND run_id < ? AND"
                + " sha256"
                + " IS NOT NULL AND fetch_status IN "
                + WITH_CONTENT
                + " ORDER BY id DESC LIMIT 1")
        .params(urlHash, runId)
        .query(
            (rs, n) ->
                new Previous(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    (Long) rs.getObject(7, Long.class),
                    rs.getTimestamp(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12)))
        .optional();
  }

  /**
   * URLs (run and hash) the crawl asked {@link #validators} about and no earlier patrol stored: the
   * common case of a site seen for the first time, whose save then needs no second look-up. Earlier
   * runs are finished, so the answer cannot change in between. An entry goes when its page is
   * stored; the set is emptied should URLs that are never stored pile up.
   */
  private final java.util.Set<String> neverStored =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static final int NEVER_STORED_MAX = 100_000;

  /** The validators a previous patrol saw for {@code url}, for a conditional GET; null if none. */
  public Validators validators(long runId, String url) {
    String urlHash = hash(url);
    var previous = previous(runId, urlHash);
    if (previous.isEmpty()) {
      if (neverStored.size() >= NEVER_STORED_MAX) {
        neverStored.clear();
      }
      neverStored.add(runId + ":" + urlHash);
    }
    return previous
        .filter(p -> p.etag() != null || p.lastModified() != null)
        .map(p -> new Validators(p.etag(), p.lastModified(), lines(p.links())))
        .orElse(null);
  }

  /**
   * Stores one crawled URL and its ads; a URL already stored for the run is ignored. A page is
   * compared with the latest earlier patrol of the same URL: NEW, CHANGED (body hash differs) or
   * UNCHANGED. A 304 answer to a conditional GET stores the earlier content again (with its
   * evidence), so the run's index, findings and cases see the page as it still is.
   */
  public void savePage(long runId, FetchedPage p) {
    // One transaction for the page and its ads: a retry after a lost connection either finds
    // both stored (and stops at the duplicate key) or neither.
    tx.executeWithoutResult(status -> insertPage(runId, p));
  }

  private void insertPage(long runId, FetchedPage p) {
    KeyHolder key = new GeneratedKeyHolder();
    String urlHash = hash(p.url());
    var earlier =
        neverStored.remove(runId + ":" + urlHash)
            ? java.util.Optional.<Previous>empty()
            : previous(runId, urlHash);
    var evidence = p.evidence();
    String title = p.title();
    String text = p.text();
    String sha = evidence == null ? null : evidence.sha256();
    String warc = evidence == null ? null : evidence.warcFile();
    String record = evidence == null ? null : evidence.recordId();
    Long offset = evidence == null ? null : evidence.offset();
    Timestamp fetchedAt = Timestamp.from(evidence == null ? clock.instant() : evidence.fetchedAt());
    String cause = p.cause();
    String etag = p.etag();
    String lastModified = p.lastModified();
    String facts = p.facts().isEmpty() ? null : FACTS_JSON.writeValueAsString(p.facts());
    String change = null;
    List<String> links = p.links().stream().limit(MAX_LINKS).toList();
    FetchStatus status = p.status();
    if (status == FetchStatus.NOT_MODIFIED) {
      if (earlier.isPresent()) {
        Previous e = earlier.get();
        cause =
            "not modified since patrol #"
                + e.runId()
                + (record == null ? "" : "; the 304 is recorded as " + record);
        title = e.title();
        text = e.text();
        sha = e.sha256();
        warc = e.warcFile();
        record = e.recordId();
        offset = e.offset();
        fetchedAt = e.fetchedAt();
        etag = etag != null ? etag : e.etag();
        lastModified = lastModified != null ? lastModified : e.lastModified();
        facts = e.facts();
        links = lines(e.links());
        change = "UNCHANGED";
      } else {
        // A 304 without anything to compare with (the earlier run was deleted): no content.
        status = FetchStatus.HTTP_ERROR;
        cause = "304 Not Modified, but no earlier copy of the page is stored";
      }
    } else if (status == FetchStatus.OK) {
      change =
          earlier.isEmpty() ? "NEW" : earlier.get().sha256().equals(sha) ? "UNCHANGED" : "CHANGED";
    }
    try {
      jdbc.sql(
              "INSERT INTO page (run_id, url, url_hash, host, depth, parent_url, fetch_status, http_status,"
                  + " cause, content_type, body_charset, truncated, title, body_text, outlinks, warc_file,"
                  + " record_id, warc_offset, sha256, fetched_at, etag, last_modified, facts,"
                  + " change_status, previous_sha256, links)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " ?)")
          .params(
              runId,
              clip(p.url(), 2048),
              urlHash,
              clip(p.host(), 255),
              p.depth(),
              clip(p.parentUrl(), 2048),
              status.name(),
              p.httpStatus(),
              clip(cause, MAX_CAUSE),
              clip(p.contentType(), 255),
              clip(p.charset(), 64),
              p.truncated(),
              clip(title, MAX_TITLE),
              text,
              links.size(),
              warc,
              record,
              offset,
              sha,
              fetchedAt,
              clip(etag, 255),
              clip(lastModified, 64),
              facts,
              change,
              earlier.map(Previous::sha256).orElse(null),
              links.isEmpty() ? null : String.join("\n", links))
          .update(key, "id");
    } catch (DuplicateKeyException alreadyStored) {
      return;
    }
    long pageId = key.getKey().longValue();
    for (Ad ad : p.ads()) {
      jdbc.sql(
              "INSERT INTO page_ad (run_id, page_id, text, landing_url, landing_host, reason,"
                  + " labelled) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              runId,
              pageId,
              clip(ad.text(), MAX_AD_TEXT),
              clip(ad.landingUrl(), 2048),
              clip(Urls.host(ad.landingUrl()), 255),
              clip(ad.reason(), 255),
              ad.labelled())
          .update();
    }
  }

  /** The page's ads; no query for the many pages that carry none. */
  public List<StoredAd> ads(StoredPage page) {
    return page.adCount() == 0 ? List.of() : ads(page.id());
  }

  public List<StoredAd> ads(long pageId) {
    return jdbc.sql(
            "SELECT id, page_id, text, landing_url, landing_host, labelled FROM page_ad"
                + " WHERE page_id = ? ORDER BY id")
        .param(pageId)
        .query(
            (rs, n) ->
                new StoredAd(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    // Ads stored before labels were recorded: unknown, so not flagged.
                    rs.getObject(6) == null || rs.getBoolean(6)))
        .list();
  }

  /** Up to {@code limit} URLs of the run that were not fetched, with status and cause. */
  public List<PatrolReport.Failure> failures(long runId, int limit) {
    return jdbc.sql(
            "SELECT url, fetch_status, cause FROM page WHERE run_id = ? AND fetch_status NOT IN "
                + WITH_CONTENT
                + " ORDER BY id LIMIT ?")
        .params(runId, limit)
        .query(
            (rs, n) -> new PatrolReport.Failure(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Pages of the run by change since the previous patrol (NEW, CHANGED, UNCHANGED). */
  public Map<String, Integer> changeCounts(long runId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT change_status, COUNT(*) FROM page WHERE run_id = ? AND change_status IS NOT NULL"
                + " GROUP BY change_status ORDER BY change_status")
        .param(runId)
        .query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getInt(2)));
    return counts;
  }

  /** Records that the run's crawl ended with every page stored. */
  public void crawlFinished(long runId) {
    jdbc.sql("UPDATE patrol_run SET crawled_at = ? WHERE id = ?")
        .params(Timestamp.from(clock.instant()), runId)
        .update();
  }

  /** Whether the run's crawl ended with every page stored ({@link #crawlFinished}). */
  public boolean crawled(long runId) {
    return jdbc.sql("SELECT crawled_at FROM patrol_run WHERE id = ?")
        .param(runId)
        .query((rs, n) -> rs.getTimestamp(1) != null)
        .optional()
        .orElse(false);
  }

  /** Pages stored for the run with content to index and classify (OK, or not modified). */
  public int pagesWithContent(long runId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM page WHERE run_id = ? AND fetch_status IN " + WITH_CONTENT)
        .param(runId)
        .query(Integer.class)
        .single();
  }

  /** As {@link #pagesWithContent(long)}, of these hosts only (a worker's partition). */
  public int pagesWithContent(long runId, java.util.Collection<String> hosts) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM page WHERE run_id = :run AND host IN (:hosts) AND fetch_status IN "
                + WITH_CONTENT)
        .param("run", runId)
        .param("hosts", List.copyOf(hosts))
        .query(Integer.class)
        .single();
  }

  /** Pages of any status stored for the run. */
  public int pagesStored(long runId) {
    return statusCounts(runId).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The pages the partitions of a spread patrol share. */
  public PartitionPages partitionPages() {
    return new PartitionPages(jdbc, tx);
  }

  /** The run's classifications, findings, platforms and flagged evidence. */
  public Verdicts verdicts() {
    return verdicts;
  }

  /** The heartbeats of runs and of their partitions. */
  public RunBeats beats() {
    return beats;
  }

  /** A past patrol as the dashboard lists it: when, how many pages, how many failed or flagged. */
  public record RunSummary(long id, Instant requestedAt, int pages, int failed, int flagged) {}

  /** The latest {@code limit} patrol runs, newest first. */
  public List<RunSummary> recentRuns(int limit) {
    return jdbc.sql(
            "SELECT r.id, r.requested_at, COUNT(p.id),"
                + " SUM(CASE WHEN p.fetch_status <> 'OK' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN v.signals IS NOT NULL AND v.signals <> '' THEN 1 ELSE 0 END)"
                + " FROM patrol_run r LEFT JOIN page p ON p.run_id = r.id"
                + " LEFT JOIN page_verdict v ON v.page_id = p.id"
                + " GROUP BY r.id, r.requested_at ORDER BY r.id DESC LIMIT ?")
        .param(limit)
        .query(
            (rs, n) ->
                new RunSummary(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5)))
        .list();
  }

  /** Pages of the run by fetch status. */
  public Map<String, Integer> statusCounts(long runId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT fetch_status, COUNT(*) FROM page WHERE run_id = ? GROUP BY fetch_status ORDER BY fetch_status")
        .param(runId)
        .query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getInt(2)));
    return counts;
  }

  static List<String> split(String csv) {
    return split(csv, ",");
  }

  static List<String> split(String value, String separator) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : value.split(java.util.regex.Pattern.quote(separator))) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  static String hash(String url) {
    return WarcEvidence.sha256Hex(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static String encode(Map<String, String> overrides) {
    List<String> parts = new ArrayList<>();
    overrides.forEach((k, v) -> parts.add(k + "=" + v));
    return parts.isEmpty() ? null : String.join(",", parts);
  }

  private static Map<String, String> decode(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : split(value)) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return out;
  }
}
