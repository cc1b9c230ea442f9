package org.finpatrol.review;

/** Filters for listing cases; null means any. */
public record CaseQuery(String unit, CaseStatus status) {
  public static CaseQuery all() {
    return new CaseQuery(null, null);
  }
}
