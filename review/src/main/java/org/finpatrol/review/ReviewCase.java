package org.finpatrol.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A review case as stored: labels sorted, units sorted, evidence in fetch order; {@code
 * noticeDeadline} is the rectification deadline of the last notice (null before one); {@code
 * escalatedAt} and {@code escalation} say when and why the case was escalated to the leading
 * group's office (null if it was not).
 */
public record ReviewCase(
    long id,
    CaseKind kind,
    String platformKey,
    String host,
    String url,
    List<String> categories,
    List<String> signals,
    List<String> units,
    String county,
    CaseStatus status,
    int risk,
    List<Evidence> evidence,
    Instant createdAt,
    Instant updatedAt,
    LocalDate noticeDeadline,
    Instant escalatedAt,
    String escalation) {

  public ReviewCase {
    categories = List.copyOf(categories);
    signals = List.copyOf(signals);
    units = List.copyOf(units);
    evidence = List.copyOf(evidence);
  }
}
