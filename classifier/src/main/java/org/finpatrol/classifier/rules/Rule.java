package org.finpatrol.classifier.rules;

import java.util.List;

/**
 * One rule of a pack. Either {@code phrases} (any one triggers, unless inside one of {@code
 * except}) or {@code yieldThresholdPercent} (a parsed yield at or over the threshold triggers).
 * Exactly one of {@code category} and {@code signal} is set.
 */
public record Rule(
    String id,
    String category,
    String signal,
    String description,
    String basis,
    int weight,
    List<String> phrases,
    List<String> except,
    Double yieldThresholdPercent,
    String source) {

  public Rule {
    phrases = List.copyOf(phrases);
    except = List.copyOf(except);
  }

  public boolean isYieldRule() {
    return yieldThresholdPercent != null;
  }
}
