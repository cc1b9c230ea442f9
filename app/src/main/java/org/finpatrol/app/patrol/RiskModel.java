package org.finpatrol.app.patrol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.finpatrol.classifier.Labels;
import org.finpatrol.classifier.rules.Rule;
import org.finpatrol.classifier.rules.RuleSet;

/**
 * A first platform risk score (RULES.md "Platform risk"), 0-100: for each category or signal the
 * host shows, the heaviest weight among the rules that found it; plus 5 for each further flagged
 * page (at most 20), since a claim repeated across a site is a policy, not a slip. Bands: red at or
 * over {@code red}, yellow at or over {@code yellow}, else green; red adds {@code
 * SUSPICIOUS_PLATFORM}. Site facts (licence, ICP number, operator name) join the score with the
 * classifier issue. Immutable.
 */
final class RiskModel {

  static final int DEFAULT_RED = 70;
  static final int DEFAULT_YELLOW = 40;

  private final Map<String, Rule> rules = new HashMap<>();
  private final int red;
  private final int yellow;

  RiskModel(RuleSet ruleSet, int red, int yellow) {
    ruleSet.rules().forEach(r -> rules.put(r.id(), r));
    this.red = red;
    this.yellow = yellow;
  }

  Platform score(HostLabels host) {
    Map<String, Integer> weightByLabel = new HashMap<>();
    for (String ruleId : host.rules()) {
      Rule rule = rules.get(ruleId);
      if (rule == null) {
        continue;
      }
      String label = rule.category() != null ? rule.category() : rule.signal();
      weightByLabel.merge(label, rule.weight(), Math::max);
    }
    List<String> reasons = new ArrayList<>();
    int score = 0;
    for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(weightByLabel).entrySet()) {
      score += e.getValue();
      reasons.add(e.getKey() + " +" + e.getValue());
    }
    int extraPages = Math.min(20, 5 * Math.max(0, host.flaggedPages() - 1));
    if (extraPages > 0) {
      score += extraPages;
      reasons.add(host.flaggedPages() + " flagged pages +" + extraPages);
    }
    score = Math.min(100, score);
    String band = score >= red ? "red" : score >= yellow ? "yellow" : "green";
    TreeSet<String> categories = new TreeSet<>(host.categories());
    if (score >= red) {
      categories.add(Labels.SUSPICIOUS_PLATFORM);
    }
    return new Platform(
        host.host(),
        score,
        band,
        List.copyOf(categories),
        List.copyOf(new TreeSet<>(host.signals())),
        host.pages(),
        host.flaggedPages(),
        reasons);
  }
}
