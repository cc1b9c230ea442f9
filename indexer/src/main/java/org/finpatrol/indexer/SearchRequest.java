package org.finpatrol.indexer;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A search: the query (Lucene syntax; a plain string is a phrase that matches any substring
 * occurrence), which page of hits, in which order, and filters. Null filters do not filter.
 *
 * @param offset hits to skip (for pagination), from 0
 * @param labels every one of these category or signal ids must be on the page
 * @param host only pages of this host
 * @param county only pages of this county
 * @param from only pages fetched at or after this instant
 * @param to only pages fetched before this instant
 * @param facets whether to count the matching pages by category, signal, host, county and month
 */
public record SearchRequest(
    String query,
    int limit,
    int offset,
    Set<String> labels,
    String host,
    String county,
    Instant from,
    Instant to,
    Order order,
    boolean facets) {

  /** The order of hits. */
  public enum Order {
    /** Best match first. */
    RELEVANCE,
    /** Highest platform risk first, then best match. */
    RISK,
    /** Most recently fetched first. */
    DATE
  }

  /** The most hits one request may ask for, so a query cannot make the server sort the index. */
  public static final int MAX_WINDOW = 10_000;

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    if ((long) offset + limit > MAX_WINDOW) {
      throw new IllegalArgumentException(
          "offset + limit must be at most " + MAX_WINDOW + ", got " + ((long) offset + limit));
    }
    labels = labels == null ? Set.of() : Set.copyOf(labels);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the date range is empty: " + from + " is not before " + to);
    }
    order = order == null ? Order.RELEVANCE : order;
  }

  /** The first {@code limit} hits of {@code query} by relevance, unfiltered, without facets. */
  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, limit, 0, Set.of(), null, null, null, null, null, false);
  }

  public SearchRequest page(int offset, int limit) {
    return new SearchRequest(query, limit, offset, labels, host, county, from, to, order, facets);
  }

  public SearchRequest withLabels(Set<String> labels) {
    return new SearchRequest(query, limit, offset, labels, host, county, from, to, order, facets);
  }

  public SearchRequest withHost(String host) {
    return new SearchRequest(query, limit, offset, labels, host, county, from, to, order, facets);
  }

  public SearchRequest withCounty(String county) {
    return new SearchRequest(query, limit, offset, labels, host, county, from, to, order, facets);
  }

  public SearchRequest fetchedBetween(Instant from, Instant to) {
    return new SearchRequest(query, limit, offset, labels, host, county, from, to, order, facets);
  }

  public SearchRequest orderBy(Order order) {
    return new SearchRequest(query, limit, offset, labels, host, county, from, to, order, facets);
  }

  public SearchRequest withFacets() {
    return new SearchRequest(query, limit, offset, labels, host, county, from, to, order, true);
  }
}
