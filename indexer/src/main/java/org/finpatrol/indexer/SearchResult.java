package org.finpatrol.indexer;

import java.util.List;

/** The hits of a search, best first, and how many documents matched in all. */
public record SearchResult(long totalHits, List<SearchHit> hits) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
