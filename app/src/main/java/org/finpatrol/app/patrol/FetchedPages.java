package org.finpatrol.app.patrol;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A run's successfully fetched pages (of some hosts, or all), in id order, a page of rows at a
 * time; restartable after the last page handed out when the step last saved its state.
 *
 * <p>Each query continues after the last id read and orders by {@code (run_id, id)}, the columns of
 * the index {@code ix_page_run_id}, so the database reads one page of rows from the index and
 * stops. Spring Batch's paging reader orders by {@code id} alone, which H2 could not take from an
 * index that starts with the run: every query read and sorted all the run's remaining rows, text
 * included, and reading became quadratic in the pages of a patrol.
 *
 * <p>Not final: the step-scoped bean is a subclass proxy (Spring Batch looks at the class of a
 * step-scoped reader for listener annotations, and warns when it is given an interface).
 */
class FetchedPages implements ItemStreamReader<StoredPage> {

  private static final String LAST_ID = "fetchedPages.last.id";

  private final NamedParameterJdbcTemplate jdbc;
  private final long runId;
  private final Set<String> hosts;
  private final int pageSize;
  private final ArrayDeque<StoredPage> buffer = new ArrayDeque<>();
  private long lastId;
  private boolean exhausted;

  /**
   * @param hosts the hosts whose pages to read, or null for every host of the run
   */
  FetchedPages(DataSource dataSource, long runId, Set<String> hosts, int pageSize) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.runId = runId;
    this.hosts = hosts == null ? null : Set.copyOf(hosts);
    this.pageSize = pageSize;
  }

  @Override
  public void open(ExecutionContext context) {
    lastId = context.containsKey(LAST_ID) ? context.getLong(LAST_ID) : 0;
    buffer.clear();
    exhausted = false;
  }

  @Override
  public void update(ExecutionContext context) {
    // Pages read but not yet handed out are read again after a restart.
    context.putLong(LAST_ID, buffer.isEmpty() ? lastId : buffer.peekFirst().id() - 1);
  }

  @Override
  public StoredPage read() {
    if (buffer.isEmpty() && !exhausted) {
      List<StoredPage> rows = next();
      buffer.addAll(rows);
      exhausted = rows.size() < pageSize;
    }
    StoredPage page = buffer.pollFirst();
    if (page != null) {
      lastId = page.id();
    }
    return page;
  }

  private List<StoredPage> next() {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("run", runId);
    parameters.put("after", lastId);
    if (hosts != null) {
      if (hosts.isEmpty()) {
        return List.of();
      }
      parameters.put("hosts", List.copyOf(hosts));
    }
    return jdbc.query(
        "SELECT id, url, host, title, body_text, fetched_at, warc_file, record_id, sha256, facts,"
            + " (SELECT COUNT(*) FROM page_ad a WHERE a.page_id = page.id) AS ad_count"
            + " FROM page WHERE run_id = :run AND id > :after AND fetch_status IN "
            + PatrolStore.WITH_CONTENT
            + (hosts == null ? "" : " AND host IN (:hosts)")
            + " ORDER BY run_id, id LIMIT "
            + pageSize,
        parameters,
        (rs, n) ->
            new StoredPage(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("host"),
                rs.getString("title"),
                rs.getString("body_text"),
                rs.getTimestamp("fetched_at").toInstant(),
                rs.getString("warc_file"),
                rs.getString("record_id"),
                rs.getString("sha256"),
                rs.getString("facts"),
                rs.getInt("ad_count")));
  }
}
