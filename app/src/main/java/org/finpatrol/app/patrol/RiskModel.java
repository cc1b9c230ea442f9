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
 * Platform risk (RULES.md "Platform risk"), 0-100: for each category or signal the host shows, the
 * heaviest weight among the rules that found it; then the site facts of {@code config/risk.yml}:
 * each further flagged page (a claim repeated across a site is a policy, not a slip), no ICP 备案
 * number on any page of a flagged site, flagged ads on other sites leading here. Bands: red at or
 * over {@code red}, yellow at or over {@code yellow}, else green; red adds {@code
 * SUSPICIOUS_PLATFORM}. Every addition is listed as a reason. Immutable.
 */
final class RiskModel {

  private final Map<String, Rule> rules = new HashMap<>();
  private final RiskSettings settings;

  RiskModel(RuleSet ruleSet, RiskSettings settings) {
    ruleSet.rules().forEach(r -> rules.put(r.id(), r));
    this.settings = settings;
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
    int extraPages =
        Math.min(
            settings.furtherFlaggedPagesMax(),
            settings.furtherFlaggedPage() * Math.max(0, host.flaggedPages() - 1));
    if (extraPages > 0) {
      score += extraPages;
      reasons.add(host.flaggedPages() + " flagged pages +" + extraPages);
    }
    if (host.flaggedPages() > 0 && !host.showsIcpNumber() && settings.noIcpNumber() > 0) {
      score += settings.noIcpNumber();
      reasons.add("no ICP number +" + settings.noIcpNumber());
    }
    int ads =
        Math.min(
            settings.flaggedAdsElsewhereMax(),
            settings.flaggedAdElsewhere() * host.flaggedAdsElsewhere());
    if (ads > 0) {
      score += ads;
      reasons.add("flagged ads elsewhere leading here: " + host.flaggedAdsElsewhere() + " +" + ads);
    }
    score = Math.min(100, score);
    String band = score >= settings.red() ? "red" : score >= settings.yellow() ? "yellow" : "green";
    TreeSet<String> categories = new TreeSet<>(host.categories());
    if (score >= settings.red()) {
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
