package org.finpatrol.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in the workflow (NEW → IN_REVIEW → CONFIRMED → NOTICE_ISSUED → RECHECK →
 * CLOSED_RECTIFIED, or REFERRED, or DISMISSED). A patrol only ever opens cases as NEW; the units
 * move them on ({@link CaseWorkflow}).
 */
public enum CaseStatus {
  NEW,
  IN_REVIEW,
  CONFIRMED,
  NOTICE_ISSUED,
  RECHECK,
  CLOSED_RECTIFIED,
  REFERRED,
  DISMISSED;

  /**
   * The states a case in this one may move to. A false positive is dismissed before it is
   * confirmed; a confirmed case ends rectified or referred. A re-check that finds the violation
   * still there issues another notice (or refers the case).
   */
  public Set<CaseStatus> next() {
    return switch (this) {
      case NEW -> EnumSet.of(IN_REVIEW, DISMISSED);
      case IN_REVIEW -> EnumSet.of(CONFIRMED, DISMISSED);
      case CONFIRMED -> EnumSet.of(NOTICE_ISSUED, REFERRED);
      case NOTICE_ISSUED -> EnumSet.of(RECHECK, REFERRED);
      case RECHECK -> EnumSet.of(CLOSED_RECTIFIED, NOTICE_ISSUED, REFERRED);
      case CLOSED_RECTIFIED, REFERRED, DISMISSED -> EnumSet.noneOf(CaseStatus.class);
    };
  }

  public boolean isClosed() {
    return next().isEmpty();
  }
}
