package org.finpatrol.indexer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fetched page as the index stores it. {@code url} (normalised) is the key: indexing the same URL
 * again replaces the document. The evidence fields point at the WARC record of the response.
 *
 * @param ads the creative texts of the ads found on the page (searchable like the text)
 * @param operator the operator's company name as the page states it, or null
 * @param county the county (县区) the page's operator is placed in, or null
 */
public record IndexedPage(
    String url,
    String host,
    String title,
    String text,
    List<String> ads,
    String operator,
    String county,
    Instant fetchedAt,
    String warcFile,
    String warcRecordId,
    String sha256) {

  public IndexedPage {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(host, "host");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    ads = ads == null ? List.of() : List.copyOf(ads);
    operator = operator == null || operator.isBlank() ? null : operator.strip();
    county = county == null || county.isBlank() ? null : county.strip();
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }
}
