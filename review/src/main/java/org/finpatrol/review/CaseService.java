package org.finpatrol.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens, updates and lists review cases.
 *
 * <p>A case is identified by its kind and platform key (the host, for a site), so a re-patrol
 * updates the case instead of opening another: labels accumulate, risk and units follow the latest
 * patrol, evidence already cited is not cited twice. Every change runs in one transaction; two
 * processes opening the same case at once meet the unique key and the loser updates instead, so
 * nothing here assumes one JVM owns the database. Thread-safe.
 */
public final class CaseService {

  private static final String CASE_COLUMNS =
      "id, kind, platform_key, host, url, categories, signals, county, status, risk, created_at,"
          + " updated_at, notice_deadline, escalated_at, escalation";

  /** The actor of events a patrol causes. */
  public static final String PATROL = "patrol";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Routing routing;
  private final Clock clock;

  public CaseService(DataSource dataSource, Routing routing, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.routing = routing;
    this.clock = clock;
  }

  /** Opens a case for the input's platform, or updates the one already open; returns it. */
  public ReviewCase open(CaseInput input) {
    long id;
    try {
      id = transactions.execute(status -> upsert(input));
    } catch (DuplicateKeyException raced) {
      // Another process opened the same case between our look-up and insert: update theirs.
      id = transactions.execute(status -> upsert(input));
    }
    return find(id).orElseThrow();
  }

  private long upsert(CaseInput input) {
    Instant now = clock.instant();
    Optional<Map<String, Object>> existing =
        jdbc.sql(
                "SELECT id, categories, signals, status FROM review_case WHERE kind = ? AND"
                    + " platform_key = ? FOR UPDATE")
            .params(input.kind().id(), input.platformKey())
            .query(
                (rs, n) -> {
                  Map<String, Object> row = new HashMap<>();
                  row.put("id", rs.getLong("id"));
                  row.put("categories", rs.getString("categories"));
                  row.put("signals", rs.getString("signals"));
                  row.put("status", CaseStatus.valueOf(rs.getString("status")));
                  return row;
                })
            .optional();
    Set<String> categories = new TreeSet<>(input.categories());
    Set<String> signals = new TreeSet<>(input.signals());
    long id;
    if (existing.isEmpty()) {
      KeyHolder key = new GeneratedKeyHolder();
      jdbc.sql(
              "INSERT INTO review_case (kind, platform_key, host, url, categories, signals, county, status, risk,"
                  + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              input.kind().id(),
              input.platformKey(),
              input.host(),
              input.url(),
              join(categories),
              join(signals),
              input.county(),
              CaseStatus.NEW.name(),
              input.risk(),
              Timestamp.from(now),
              Timestamp.from(now))
          .update(key, "id");
      id = key.getKey().longValue();
      CaseWorkflow.append(
          jdbc,
          id,
          now,
          PATROL,
          null,
          CaseStatus.NEW,
          "opened by a patrol, risk " + input.risk(),
          null,
          null);
    } else {
      id = (Long) existing.get().get("id");
      CaseStatus status = (CaseStatus) existing.get().get("status");
      CaseWorkflow.append(
          jdbc,
          id,
          now,
          PATROL,
          status,
          status,
          "seen again by a patrol, risk " + input.risk(),
          null,
          null);
      categories.addAll(split((String) existing.get().get("categories")));
      signals.addAll(split((String) existing.get().get("signals")));
      jdbc.sql(
              "UPDATE review_case SET categories = ?, signals = ?, county = COALESCE(?, county), risk = ?,"
                  + " updated_at = ? WHERE id = ?")
          .params(
              join(categories),
              join(signals),
              input.county(),
              input.risk(),
              Timestamp.from(now),
              id)
          .update();
      jdbc.sql("DELETE FROM case_unit WHERE case_id = ?").param(id).update();
    }
    insertUnits(id, categories, signals, input.kind());
    for (Evidence e : input.evidence()) {
      int cited =
          jdbc.sql("SELECT COUNT(*) FROM case_evidence WHERE case_id = ? AND record_id = ?")
              .params(id, e.recordId())
              .query(Integer.class)
              .single();
      if (cited == 0) {
        jdbc.sql(
                "INSERT INTO case_evidence (case_id, url, warc_file, record_id, sha256, fetched_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")
            .params(id, e.url(), e.warc(), e.recordId(), e.sha256(), Timestamp.from(e.fetchedAt()))
            .update();
      }
    }
    return id;
  }

  private void insertUnits(long id, Set<String> categories, Set<String> signals, CaseKind kind) {
    Set<String> units = new TreeSet<>(routing.unitsFor(kind, categories, signals));
    boolean escalated =
        jdbc.sql("SELECT COUNT(*) FROM review_case WHERE id = ? AND escalated_at IS NOT NULL")
                .param(id)
                .query(Integer.class)
                .single()
            > 0;
    if (escalated && routing.escalationUnit() != null) {
      units.add(routing.escalationUnit());
    }
    for (String unit : units) {
      jdbc.sql("INSERT INTO case_unit (case_id, unit) VALUES (?, ?)").params(id, unit).update();
    }
  }

  /**
   * Escalates a case to the leading group's office for immediate report (a red-band or fast-growing
   * platform): records when and why, adds the escalation unit, writes the trail. Sticky: a case
   * already escalated stays as it was; returns whether this call escalated it.
   */
  public boolean escalate(long caseId, String reason) {
    Boolean done =
        transactions.execute(
            status -> {
              Map<String, Object> row =
                  jdbc.sql(
                          "SELECT status, escalated_at, kind, categories, signals FROM review_case"
                              + " WHERE id = ? FOR UPDATE")
                      .param(caseId)
                      .query(
                          (rs, n) -> {
                            Map<String, Object> m = new HashMap<>();
                            m.put("status", rs.getString(1));
                            m.put("escalated", rs.getTimestamp(2) != null);
                            m.put("kind", rs.getString(3));
                            m.put("categories", rs.getString(4));
                            m.put("signals", rs.getString(5));
                            return m;
                          })
                      .optional()
                      .orElseThrow(
                          () -> new java.util.NoSuchElementException("no case #" + caseId));
              if ((Boolean) row.get("escalated")) {
                return false;
              }
              Instant now = clock.instant();
              String why = reason.length() > 255 ? reason.substring(0, 255) : reason;
              jdbc.sql("UPDATE review_case SET escalated_at = ?, escalation = ? WHERE id = ?")
                  .params(Timestamp.from(now), why, caseId)
                  .update();
              jdbc.sql("DELETE FROM case_unit WHERE case_id = ?").param(caseId).update();
              insertUnits(
                  caseId,
                  new TreeSet<>(split((String) row.get("categories"))),
                  new TreeSet<>(split((String) row.get("signals"))),
                  CaseKind.fromId((String) row.get("kind")));
              CaseStatus s = CaseStatus.valueOf((String) row.get("status"));
              CaseWorkflow.append(
                  jdbc,
                  caseId,
                  now,
                  PATROL,
                  s,
                  s,
                  "escalated for immediate report: " + why,
                  null,
                  null);
              return true;
            });
    return Boolean.TRUE.equals(done);
  }

  /** Adds a patrol's remark to a case's trail without moving it (a re-check's outcome). */
  public void note(long caseId, String comment) {
    note(caseId, PATROL, comment);
  }

  /**
   * Adds {@code actor}'s comment to a case's trail without moving it.
   *
   * @throws IllegalArgumentException when the comment is empty or longer than 2000 characters
   * @throws java.util.NoSuchElementException when there is no such case
   */
  public void note(long caseId, String actor, String comment) {
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("the comment is empty");
    }
    if (comment.length() > 2000) {
      throw new IllegalArgumentException("the comment is longer than 2000 characters");
    }
    transactions.executeWithoutResult(
        status -> {
          CaseStatus s =
              jdbc.sql("SELECT status FROM review_case WHERE id = ?")
                  .param(caseId)
                  .query((rs, n) -> CaseStatus.valueOf(rs.getString(1)))
                  .optional()
                  .orElseThrow(() -> new java.util.NoSuchElementException("no case #" + caseId));
          CaseWorkflow.append(jdbc, caseId, clock.instant(), actor, s, s, comment, null, null);
        });
  }

  /** The URLs a case cites as evidence, each once, in citation order. */
  public List<String> citedUrls(long caseId) {
    return find(caseId).stream()
        .flatMap(c -> c.evidence().stream())
        .map(Evidence::url)
        .distinct()
        .toList();
  }

  public Optional<ReviewCase> find(long id) {
    List<ReviewCase> found =
        load("SELECT " + CASE_COLUMNS + " FROM review_case WHERE id = ?", List.of(id));
    return found.stream().findFirst();
  }

  /** Cases matching the query, highest risk first. */
  public List<ReviewCase> list(CaseQuery query) {
    StringBuilder sql =
        new StringBuilder("SELECT " + CASE_COLUMNS + " FROM review_case c WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (query.unit() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM case_unit u WHERE u.case_id = c.id AND u.unit = ?)");
      params.add(query.unit());
    }
    if (query.status() != null) {
      sql.append(" AND c.status = ?");
      params.add(query.status().name());
    }
    sql.append(" ORDER BY c.risk DESC, c.id");
    return load(sql.toString(), params);
  }

  public Routing routing() {
    return routing;
  }

  private List<ReviewCase> load(String sql, List<Object> params) {
    Map<Long, Row> rows = new LinkedHashMap<>();
    jdbc.sql(sql)
        .params(params)
        .query(
            (RowCallbackHandler)
                rs -> {
                  Row row = Row.of(rs);
                  rows.put(row.id, row);
                });
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> units = new HashMap<>();
    Map<Long, List<Evidence>> evidence = new HashMap<>();
    for (List<Long> batch : batches(new ArrayList<>(rows.keySet()))) {
      String in = String.join(",", batch.stream().map(x -> "?").toList());
      jdbc.sql("SELECT case_id, unit FROM case_unit WHERE case_id IN (" + in + ") ORDER BY unit")
          .params(new ArrayList<Object>(batch))
          .query(
              (RowCallbackHandler)
                  rs ->
                      units
                          .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                          .add(rs.getString(2)));
      jdbc.sql(
              "SELECT case_id, url, warc_file, record_id, sha256, fetched_at FROM case_evidence"
                  + " WHERE case_id IN ("
                  + in
                  + ") ORDER BY fetched_at, id")
          .params(new ArrayList<Object>(batch))
          .query(
              (RowCallbackHandler)
                  rs ->
                      evidence
                          .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                          .add(
                              new Evidence(
                                  rs.getString(2),
                                  rs.getString(3),
                                  rs.getString(4),
                                  rs.getString(5),
                                  rs.getTimestamp(6).toInstant())));
    }
    List<ReviewCase> out = new ArrayList<>();
    for (Row r : rows.values()) {
      out.add(
          new ReviewCase(
              r.id,
              CaseKind.fromId(r.kind),
              r.platformKey,
              r.host,
              r.url,
              split(r.categories),
              split(r.signals),
              units.getOrDefault(r.id, List.of()),
              r.county,
              CaseStatus.valueOf(r.status),
              r.risk,
              evidence.getOrDefault(r.id, List.of()),
              r.createdAt,
              r.updatedAt,
              r.noticeDeadline,
              r.escalatedAt,
              r.escalation));
    }
    return out;
  }

  private record Row(
      long id,
      String kind,
      String platformKey,
      String host,
      String url,
      String categories,
      String signals,
      String county,
      String status,
      int risk,
      Instant createdAt,
      Instant updatedAt,
      LocalDate noticeDeadline,
      Instant escalatedAt,
      String escalation) {
    static Row of(ResultSet rs) throws SQLException {
      return new Row(
          rs.getLong("id"),
          rs.getString("kind"),
          rs.getString("platform_key"),
          rs.getString("host"),
          rs.getString("url"),
          rs.getString("categories"),
          rs.getString("signals"),
          rs.getString("county"),
          rs.getString("status"),
          rs.getInt("risk"),
          rs.getTimestamp("created_at").toInstant(),
          rs.getTimestamp("updated_at").toInstant(),
          rs.getDate("notice_deadline") == null
              ? null
              : rs.getDate("notice_deadline").toLocalDate(),
          rs.getTimestamp("escalated_at") == null
              ? null
              : rs.getTimestamp("escalated_at").toInstant(),
          rs.getString("escalation"));
    }
  }

  private static List<List<Long>> batches(List<Long> ids) {
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 500) {
      out.add(ids.subList(i, Math.min(ids.size(), i + 500)));
    }
    return out;
  }

  private static String join(Set<String> values) {
    return String.join(",", values);
  }

  private static List<String> split(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .sorted()
        .toList();
  }
}
