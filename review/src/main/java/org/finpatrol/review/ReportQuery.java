package org.finpatrol.review;

import java.time.LocalDate;

/**
 * What a report covers: one unit's cases, one county's, or all (null), over the days {@code from}
 * to {@code to} inclusive, in China time.
 */
public record ReportQuery(String unit, String county, LocalDate from, LocalDate to) {

  public ReportQuery {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a report needs a period: from and to");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the period ends (" + to + ") before it starts (" + from + ")");
    }
  }
}
