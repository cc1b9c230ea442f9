package org.finpatrol.review;

/**
 * Where a case stands in the workflow (NEW → IN_REVIEW → CONFIRMED → NOTICE_ISSUED → RECHECK →
 * CLOSED_RECTIFIED, or REFERRED, or DISMISSED). Transitions are the review workflow's business; a
 * patrol only ever opens cases as NEW.
 */
public enum CaseStatus {
  NEW,
  IN_REVIEW,
  CONFIRMED,
  NOTICE_ISSUED,
  RECHECK,
  CLOSED_RECTIFIED,
  REFERRED,
  DISMISSED
}
