package org.finpatrol.indexer;

import java.time.Instant;
import java.util.Objects;

/**
 * A fetched page as the index stores it. {@code url} (normalised) is the key: indexing the same URL
 * again replaces the document. The evidence fields point at the WARC record of the response.
 */
public record IndexedPage(
    String url,
    String host,
    String title,
    String text,
    Instant fetchedAt,
    String warcFile,
    String warcRecordId,
    String sha256) {

  public IndexedPage {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(host, "host");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }
}
