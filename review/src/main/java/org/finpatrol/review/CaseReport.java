package org.finpatrol.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The basis of a 整治报告: for the cases active in the period (opened, updated or moved), how many of
 * each category stand in each state; the cases past their rectification deadline; and the cases
 * closed in the period, with how and by whom.
 */
public record CaseReport(
    ReportQuery query,
    Instant generatedAt,
    Map<String, Map<CaseStatus, Integer>> countsByCategory,
    int activeCases,
    List<ReviewCase> overdue,
    List<Closed> closed) {

  /** A case closed in the period, and the event that closed it. */
  public record Closed(ReviewCase reviewCase, CaseEvent closing) {}

  public CaseReport {
    // Categories in alphabetical order, as the report lists them.
    countsByCategory =
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(countsByCategory));
    overdue = List.copyOf(overdue);
    closed = List.copyOf(closed);
  }
}
