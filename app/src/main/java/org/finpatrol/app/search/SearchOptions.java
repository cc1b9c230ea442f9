package org.finpatrol.app.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.finpatrol.classifier.Labels;
import org.finpatrol.indexer.SearchRequest;
import org.finpatrol.indexer.SearchResult;
import org.finpatrol.indexer.SearchResult.FacetCount;

/**
 * What a user may ask of a search, as strings from a command line or a query string, checked and
 * turned into a {@link SearchRequest}. Every error names the option and the bad value.
 *
 * @param labels category or signal ids the pages must all carry
 * @param from first day (inclusive, {@code yyyy-MM-dd}, UTC) of fetches to include
 * @param to last day (inclusive) of fetches to include
 * @param sort {@code relevance}, {@code risk} or {@code date}
 */
public record SearchOptions(
    String query,
    int limit,
    int offset,
    List<String> labels,
    String host,
    String county,
    String from,
    String to,
    String sort,
    boolean facets) {

  /** The most hits one page of results may have. */
  public static final int MAX_LIMIT = 1000;

  public SearchOptions {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /**
   * The request.
   *
   * @throws IllegalArgumentException saying which option is wrong and why
   */
  public SearchRequest toRequest() {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("the query is empty");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    for (String label : labels) {
      if (!Labels.all().contains(label)) {
        throw new IllegalArgumentException(
            "unknown category or signal '"
                + label
                + "' (one of "
                + String.join(", ", Labels.all())
                + ")");
      }
    }
    Instant start = day("from", from, 0);
    Instant end = day("to", to, 1);
    SearchRequest.Order order = order(sort);
    return new SearchRequest(
        query.strip(),
        limit,
        offset,
        Set.copyOf(labels),
        host == null || host.isBlank() ? null : host.strip().toLowerCase(Locale.ROOT),
        county == null || county.isBlank() ? null : county.strip(),
        start,
        end,
        order,
        facets);
  }

  private static Instant day(String option, String value, int plusDays) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip())
          .plusDays(plusDays)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " '" + value + "' is not a date like 2026-11-24", e);
    }
  }

  private static SearchRequest.Order order(String sort) {
    if (sort == null || sort.isBlank()) {
      return SearchRequest.Order.RELEVANCE;
    }
    try {
      return SearchRequest.Order.valueOf(sort.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "sort '" + sort + "' is not one of relevance, risk, date", e);
    }
  }

  /**
   * The facets of a result as users see them: the index's {@code label} facet split into {@code
   * category} and {@code signal}, then {@code host}, {@code county}, {@code month}.
   */
  public static Map<String, List<FacetCount>> facets(SearchResult result) {
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    if (result.facets().isEmpty()) {
      return out;
    }
    List<FacetCount> labels = result.facets().getOrDefault("label", List.of());
    out.put(
        "category", labels.stream().filter(f -> Labels.CATEGORIES.contains(f.value())).toList());
    out.put("signal", labels.stream().filter(f -> Labels.SIGNALS.contains(f.value())).toList());
    for (String name : List.of("host", "county", "month")) {
      out.put(name, result.facets().getOrDefault(name, List.of()));
    }
    return out;
  }
}
