package org.finpatrol.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a case's audit trail: who did what and when. {@code from} is null for the opening; a
 * patrol's updates have {@code from == to} and actor {@code patrol}. Never changed once written.
 */
public record CaseEvent(
    long id,
    long caseId,
    Instant at,
    String actor,
    CaseStatus from,
    CaseStatus to,
    String comment,
    LocalDate deadline,
    String reason) {}
