package org.finpatrol.indexer;

import java.time.Instant;
import java.util.List;

/** One search result: the page, its score, a highlighted snippet and the labels it carries. */
public record SearchHit(
    String url,
    String title,
    String host,
    float score,
    Snippet snippet,
    List<String> labels,
    int risk,
    Instant fetchedAt,
    String warcFile,
    String warcRecordId,
    String sha256) {

  public SearchHit {
    labels = List.copyOf(labels);
  }
}
