package org.finpatrol.classifier;

/**
 * One rule match a reviewer can check: the rule, the category or signal it supports, the matched
 * characters {@code [start, end)} of the classified text and their text, and the legal basis.
 * {@code category} is null for a finding that only supports a signal, {@code signal} is null for a
 * finding that supports a category directly.
 */
public record Finding(
    String rule, String category, String signal, int start, int end, String text, String basis) {}
