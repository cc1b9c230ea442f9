package org.finpatrol.indexer;

import java.time.Instant;
import java.util.List;

/**
 * One search result: the page, its score (NaN when sorted by something else), a highlighted snippet
 * and the labels it carries, with the evidence reference of the fetch it was indexed from.
 */
public record SearchHit(
    String url,
    String title,
    String host,
    float score,
    Snippet snippet,
    List<String> labels,
    int risk,
    String operator,
    String county,
    Instant fetchedAt,
    String warcFile,
    String warcRecordId,
    String sha256) {

  public SearchHit {
    labels = List.copyOf(labels);
  }
}
