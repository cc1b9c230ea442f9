package org.finpatrol.classifier.rules;

import java.util.List;

/** Every rule of every pack, and the shared context cues. */
public record RuleSet(List<Rule> rules, ContextCues context) {
  public RuleSet {
    rules = List.copyOf(rules);
  }
}
