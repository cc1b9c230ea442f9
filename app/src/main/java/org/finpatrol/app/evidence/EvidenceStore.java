package org.finpatrol.app.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.finpatrol.crawler.evidence.StoredResponses;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Finds fetched pages by their evidence record id and reads their bodies back. Thread-safe. */
public final class EvidenceStore {

  private final JdbcClient jdbc;
  private final Path directory;

  public EvidenceStore(DataSource dataSource, Path evidenceDirectory) {
    this.jdbc = JdbcClient.create(dataSource);
    this.directory = evidenceDirectory;
  }

  /** The page whose response is the WARC record {@code recordId}. */
  public Optional<EvidencePage> page(String recordId) {
    return jdbc
        .sql(
            "SELECT id, run_id, url, host, title, body_text, fetch_status, http_status,"
                + " content_type, truncated, warc_file, record_id, warc_offset, sha256, fetched_at"
                + " FROM page WHERE record_id = ? ORDER BY id DESC")
        .param(recordId)
        .query(
            (rs, n) ->
                new EvidencePage(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getInt(8),
                    rs.getString(9),
                    rs.getBoolean(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getLong(13),
                    rs.getString(14),
                    rs.getTimestamp(15).toInstant()))
        .list()
        .stream()
        .findFirst();
  }

  /**
   * The response body of {@code page} as received.
   *
   * @throws java.util.NoSuchElementException when the evidence file or record is gone
   */
  public StoredResponses.StoredResponse body(EvidencePage page) throws IOException {
    if (page.warcFile() == null) {
      throw new java.util.NoSuchElementException("no evidence was recorded for " + page.url());
    }
    return StoredResponses.read(directory, page.warcFile(), page.warcOffset(), page.recordId());
  }
}
