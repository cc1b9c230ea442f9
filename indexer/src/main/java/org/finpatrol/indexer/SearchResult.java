package org.finpatrol.indexer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hits of a search, best first, how many pages matched in all, and (when asked for) the facet
 * counts over all matching pages: facet name ({@code category}, {@code signal}, {@code host},
 * {@code county}, {@code month}) to values, most frequent first.
 */
public record SearchResult(
    long totalHits, List<SearchHit> hits, Map<String, List<FacetCount>> facets) {

  /** One facet value and the number of matching pages that have it. */
  public record FacetCount(String value, long count) {}

  public SearchResult {
    hits = List.copyOf(hits);
    Map<String, List<FacetCount>> copy = new LinkedHashMap<>();
    facets.forEach((name, counts) -> copy.put(name, List.copyOf(counts)));
    facets = java.util.Collections.unmodifiableMap(copy);
  }

  public SearchResult(long totalHits, List<SearchHit> hits) {
    this(totalHits, hits, Map.of());
  }
}
