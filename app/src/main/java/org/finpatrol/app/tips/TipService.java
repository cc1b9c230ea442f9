package org.finpatrol.app.tips;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.finpatrol.crawler.CrawlSettings;
import org.finpatrol.crawler.Seeds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * Tips from the public: a URL is checked when it is submitted (absolute http(s), a host, no
 * loopback or private address) and waits as PENDING until the next patrol takes it as a seed
 * (QUEUED, with the run's id). The same URL pending twice is one tip. Thread-safe.
 */
@Service
public class TipService {

  static final int MAX_URL = 2048;
  static final int MAX_NOTE = 1000;

  /** A pending tip: its id and URL. */
  public record Tip(long id, String url) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public TipService(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  /**
   * Records a tip and returns its id.
   *
   * @throws IllegalArgumentException saying what is wrong with the URL or note
   */
  public long submit(String url, String note) {
    String u = url == null ? "" : url.strip();
    if (u.isEmpty()) {
      throw new IllegalArgumentException("the URL is empty");
    }
    if (u.length() > MAX_URL) {
      throw new IllegalArgumentException("the URL is longer than " + MAX_URL + " characters");
    }
    if (note != null && note.length() > MAX_NOTE) {
      throw new IllegalArgumentException("the note is longer than " + MAX_NOTE + " characters");
    }
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException("'" + u + "' is not an http(s) URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + u + "' is not a valid URL: " + e.getReason());
    }
    var problems =
        Seeds.check(
            List.of(u), CrawlSettings.builder(Path.of("unused"), Path.of("unused")).build());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).message());
    }
    var existing =
        jdbc.sql("SELECT id FROM tip WHERE url = ? AND status = 'PENDING'")
            .param(u)
            .query(Long.class)
            .optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO tip (url, note, submitted_at, status) VALUES (?, ?, ?, 'PENDING')")
        .params(u, note, Timestamp.from(clock.instant()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The tips waiting for a patrol, oldest first. */
  public List<Tip> pending() {
    return jdbc.sql("SELECT id, url FROM tip WHERE status = 'PENDING' ORDER BY id")
        .query((rs, n) -> new Tip(rs.getLong(1), rs.getString(2)))
        .list();
  }

  /** Marks tips as seeded into patrol run {@code runId}. */
  public void queued(List<Tip> tips, long runId) {
    for (Tip tip : tips) {
      jdbc.sql("UPDATE tip SET status = 'QUEUED', run_id = ? WHERE id = ? AND status = 'PENDING'")
          .params(runId, tip.id())
          .update();
    }
  }
}
