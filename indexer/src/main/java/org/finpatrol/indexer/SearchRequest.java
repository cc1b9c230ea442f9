package org.finpatrol.indexer;

import java.util.Objects;

/**
 * A search: the query (Lucene syntax; a plain string is a phrase that matches any substring
 * occurrence), the maximum number of hits, and optional exact filters on a label (category or
 * signal id) and a host.
 */
public record SearchRequest(String query, int limit, String label, String host) {

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }

  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, limit, null, null);
  }
}
