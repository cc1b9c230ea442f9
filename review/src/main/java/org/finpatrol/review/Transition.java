package org.finpatrol.review;

import java.time.LocalDate;

/**
 * A request to move a case: to which state, by whom, with what comment; a notice needs its
 * rectification {@code deadline}, a dismissal its {@code reason} (which becomes a training label
 * for the classifier). Unused fields are null.
 */
public record Transition(
    CaseStatus to, String actor, String comment, LocalDate deadline, String reason) {}
