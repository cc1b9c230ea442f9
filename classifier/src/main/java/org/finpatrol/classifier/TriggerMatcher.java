package org.finpatrol.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finpatrol.classifier.match.CompactText;
import org.finpatrol.classifier.match.Homophones;
import org.finpatrol.classifier.match.PhraseAutomaton;
import org.finpatrol.classifier.rules.HanFold;
import org.finpatrol.classifier.rules.Rule;
import org.finpatrol.classifier.rules.RuleSet;
import org.finpatrol.classifier.rules.Trigger;

/**
 * The rules that fire on what a text says (phrases, sound-alikes, phrases near each other,
 * patterns, yields) and the controls of RULES.md around each trigger: an {@code except} phrase
 * around it, a negation right before it or a few characters before it in its sentence, a warning
 * cue in its sentence. What a text must be (a solicitation) and what it lacks (an ad's warning or
 * label, a licence) are the {@link Classifier}'s.
 *
 * <p>All phrases of all rules are compiled once into one automaton, so a text is scanned once
 * whatever the number of rules. Immutable and thread-safe.
 */
final class TriggerMatcher {

  private final PhraseAutomaton<Rule> triggers;
  private final PhraseAutomaton<Rule> homophoneTriggers;
  private final PhraseAutomaton<NearPart> nearParts;
  private final PhraseAutomaton<Rule> anchors;
  private final PhraseAutomaton<Rule> exceptions;
  private final PhraseAutomaton<String> negationAdjacent;
  private final PhraseAutomaton<String> negation;
  private final PhraseAutomaton<String> warning;
  private final int negationWindow;
  private final List<Rule> yieldRules;

  TriggerMatcher(RuleSet rules) {
    PhraseAutomaton.Builder<Rule> t = PhraseAutomaton.builder();
    PhraseAutomaton.Builder<Rule> h = PhraseAutomaton.builder();
    PhraseAutomaton.Builder<NearPart> n = PhraseAutomaton.builder();
    PhraseAutomaton.Builder<Rule> a = PhraseAutomaton.builder();
    PhraseAutomaton.Builder<Rule> x = PhraseAutomaton.builder();
    List<Rule> yields = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      // Java 17: no pattern matching in switch yet.
      Trigger trigger = rule.trigger();
      if (trigger instanceof Trigger.Phrases phrases) {
        phrases.phrases().forEach(p -> t.add(p, rule));
        if (phrases.homophones()) {
          for (String p : phrases.phrases()) {
            String key = CompactText.of(p).compact();
            // Two characters sound like too many ordinary words (保息 and 报喜).
            if (key.codePoints()
                    .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    .count()
                >= 3) {
              h.add(Homophones.fold(key), rule);
            }
          }
        }
      } else if (trigger instanceof Trigger.Near near) {
        for (int g = 0; g < near.groups().size(); g++) {
          NearPart part = new NearPart(rule, near, g);
          near.groups().get(g).forEach(p -> n.add(p, part));
        }
      } else if (trigger instanceof Trigger.Regex regex) {
        regex.anchors().forEach(p -> a.add(p, rule));
      } else if (trigger instanceof Trigger.YieldAtLeast) {
        yields.add(rule);
      }
      rule.except().forEach(p -> x.add(p, rule));
    }
    this.triggers = t.build();
    this.homophoneTriggers = h.build();
    this.nearParts = n.build();
    this.anchors = a.build();
    this.exceptions = x.build();
    this.yieldRules = List.copyOf(yields);
    var cues = rules.context();
    this.negationAdjacent = cues(cues.negationAdjacent(), "neg");
    this.negation = cues(cues.negation(), "neg");
    this.warning = cues(cues.warning(), "warning");
    this.negationWindow = cues.negationWindow();
  }

  static PhraseAutomaton<String> cues(List<String> phrases, String value) {
    PhraseAutomaton.Builder<String> b = PhraseAutomaton.builder();
    phrases.forEach(p -> b.add(p, value));
    return b.build();
  }

  /** The findings of the text-triggered rules that pass the controls, in no particular order. */
  List<Finding> findings(CompactText ct) {
    List<Finding> findings = new ArrayList<>();
    List<PhraseAutomaton.Hit<Rule>> excepted = exceptions.find(ct.compact());
    findings.addAll(phraseFindings(ct, excepted));
    findings.addAll(nearFindings(ct, excepted));
    findings.addAll(patternFindings(ct, excepted));
    findings.addAll(yieldFindings(ct));
    return findings;
  }

  /** Phrase hits, and sound-alike hits of rules that allow them where no phrase hit is. */
  private List<PhraseAutomaton.Hit<Rule>> triggerHits(String compact) {
    List<PhraseAutomaton.Hit<Rule>> hits = triggers.find(compact);
    if (homophoneTriggers.size() == 0) {
      return hits;
    }
    List<PhraseAutomaton.Hit<Rule>> all = new ArrayList<>(hits);
    for (var sound : homophoneTriggers.find(Homophones.fold(compact))) {
      boolean exact =
          hits.stream()
              .anyMatch(
                  x ->
                      x.value() == sound.value()
                          && x.start() == sound.start()
                          && x.end() == sound.end());
      if (!exact) {
        all.add(sound);
      }
    }
    return all;
  }

  private List<Finding> phraseFindings(CompactText ct, List<PhraseAutomaton.Hit<Rule>> excepted) {
    String c = ct.compact();
    List<PhraseAutomaton.Hit<Rule>> kept = new ArrayList<>();
    for (PhraseAutomaton.Hit<Rule> hit : triggerHits(c)) {
      if (insideException(hit, excepted) || negated(ct, hit.start()) || warned(ct, hit.start())) {
        continue;
      }
      kept.add(hit);
    }
    List<Finding> findings = new ArrayList<>();
    for (PhraseAutomaton.Hit<Rule> hit : kept) {
      // Overlapping triggers (保本 inside 保本保息) make one finding: the longest.
      boolean covered =
          kept.stream()
              .anyMatch(
                  o ->
                      o != hit
                          && o.start() <= hit.start()
                          && hit.end() <= o.end()
                          && (o.end() - o.start() > hit.end() - hit.start()
                              || (o.end() - o.start() == hit.end() - hit.start()
                                  && kept.indexOf(o) < kept.indexOf(hit))));
      if (!covered) {
        findings.add(finding(ct, hit.value(), hit.start(), hit.end()));
      }
    }
    return findings;
  }

  /** A phrase of one group of a {@link Trigger.Near} rule. */
  private record NearPart(Rule rule, Trigger.Near near, int group) {}

  /**
   * Near rules: starting from each usable hit, a phrase of every group must start within the rule's
   * window in the same sentence. A negated or warned part does not count, so 公司不承担亏损 is no
   * backstop. Matches of one rule do not overlap.
   */
  private List<Finding> nearFindings(CompactText ct, List<PhraseAutomaton.Hit<Rule>> excepted) {
    Map<Rule, List<PhraseAutomaton.Hit<NearPart>>> byRule = new LinkedHashMap<>();
    for (var hit : nearParts.find(ct.compact())) {
      if (!negated(ct, hit.start()) && !warned(ct, hit.start())) {
        byRule.computeIfAbsent(hit.value().rule(), k -> new ArrayList<>()).add(hit);
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (var e : byRule.entrySet()) {
      List<PhraseAutomaton.Hit<NearPart>> hits = new ArrayList<>(e.getValue());
      hits.sort(Comparator.comparingInt(PhraseAutomaton.Hit::start));
      Trigger.Near near = hits.get(0).value().near();
      int groups = near.groups().size();
      int nextFree = 0;
      for (int i = 0; i < hits.size(); i++) {
        var first = hits.get(i);
        if (first.start() < nextFree) {
          continue;
        }
        int sentence = ct.sentenceStart(first.start());
        boolean[] seen = new boolean[groups];
        int found = 0;
        int end = first.end();
        for (int j = i; j < hits.size() && found < groups; j++) {
          var h = hits.get(j);
          if (h.start() - first.start() > near.within()) {
            break;
          }
          if (ct.sentenceStart(h.start()) == sentence && !seen[h.value().group()]) {
            seen[h.value().group()] = true;
            found++;
            end = Math.max(end, h.end());
          }
        }
        if (found == groups && !overlapsException(e.getKey(), first.start(), end, excepted)) {
          findings.add(finding(ct, e.getKey(), first.start(), end));
          nextFree = end;
        }
      }
    }
    return findings;
  }

  /**
   * Pattern rules, run on the normalised text only when one of their anchors occurs, and only in
   * windows of the rule's reach (48 characters each side unless it says less) around their anchors'
   * hits, not over the whole page: a Java character class such as {@code [\\p{IsHan}&&[^的了是]]}
   * tests its excluded characters one by one, and tried at every position of a 2 KB page it cost
   * more than everything else the classifier does.
   */
  private List<Finding> patternFindings(CompactText ct, List<PhraseAutomaton.Hit<Rule>> excepted) {
    // Per rule, its windows in order: {from, to, the last start of an anchor hit inside}.
    Map<Rule, List<int[]>> windows = new LinkedHashMap<>();
    int length = ct.normalised().length();
    for (var hit : anchors.find(ct.compact())) {
      var regex = (Trigger.Regex) hit.value().trigger();
      int anchor = ct.originalStart(hit.start());
      int from = Math.max(0, anchor - regex.before());
      int to = Math.min(length, ct.originalEnd(hit.end()) + regex.after());
      List<int[]> list = windows.computeIfAbsent(hit.value(), k -> new ArrayList<>());
      int[] last = list.isEmpty() ? null : list.get(list.size() - 1);
      if (last != null && from <= last[1]) {
        last[1] = Math.max(last[1], to);
        last[2] = Math.max(last[2], anchor);
      } else {
        list.add(new int[] {from, to, anchor});
      }
    }
    List<Finding> findings = new ArrayList<>();
    Map<String, String> folded = new HashMap<>(); // by list: one copy for all such rules
    for (var e : windows.entrySet()) {
      Rule rule = e.getKey();
      var regex = (Trigger.Regex) rule.trigger();
      HanFold fold = regex.fold();
      // Transparent, non-anchoring bounds: look-arounds and ^ see the text beyond the window, so
      // a match inside a window is exactly a match the pattern would find in the whole text.
      var m =
          (fold == null
                  ? regex.pattern().matcher(ct.normalised())
                  : fold.pattern()
                      .matcher(
                          folded.computeIfAbsent(fold.listed(), k -> fold.apply(ct.normalised()))))
              .useTransparentBounds(true)
              .useAnchoringBounds(false);
      int done = 0;
      for (int[] window : e.getValue()) {
        // A match contains an anchor hit of its window, so it starts at or before the window's
        // last one: only those starts are tried (as find() would, leftmost first), which halves
        // the work of a pattern whose first test is a costly character class.
        int start = Math.max(window[0], done);
        while (start <= window[2] && start < window[1]) {
          m.region(start, window[1]);
          if (!m.lookingAt() || m.end() == m.start()) {
            start++;
            continue;
          }
          done = m.end();
          start = m.end();
          int compactStart = ct.compactIndex(m.start());
          int compactEnd = ct.compactIndex(m.end());
          if (negated(ct, compactStart)
              || warned(ct, compactStart)
              || overlapsException(rule, compactStart, compactEnd, excepted)) {
            continue;
          }
          findings.add(originalFinding(ct, rule, m.start(), m.end()));
        }
      }
    }
    return findings;
  }

  private static boolean overlapsException(
      Rule rule, int start, int end, List<PhraseAutomaton.Hit<Rule>> exceptions) {
    for (var e : exceptions) {
      if (e.value() == rule && e.start() < end && start < e.end()) {
        return true;
      }
    }
    return false;
  }

  private List<Finding> yieldFindings(CompactText ct) {
    List<Finding> findings = new ArrayList<>();
    if (yieldRules.isEmpty()) {
      return findings;
    }
    for (YieldScanner.Yield y : YieldScanner.scan(ct.normalised())) {
      int compactStart = ct.compactIndex(y.start());
      if (negated(ct, compactStart) || warned(ct, compactStart)) {
        continue;
      }
      for (Rule rule : yieldRules) {
        if (y.annualPercent() >= ((Trigger.YieldAtLeast) rule.trigger()).percent()) {
          findings.add(originalFinding(ct, rule, y.start(), y.end()));
        }
      }
    }
    return findings;
  }

  private static Finding finding(CompactText ct, Rule rule, int compactStart, int compactEnd) {
    return originalFinding(ct, rule, ct.originalStart(compactStart), ct.originalEnd(compactEnd));
  }

  /** A finding of {@code rule} over original-text offsets. */
  static Finding originalFinding(CompactText ct, Rule rule, int start, int end) {
    return new Finding(
        rule.id(),
        rule.category(),
        rule.signal(),
        start,
        end,
        ct.original().substring(start, end),
        rule.basis());
  }

  private static boolean insideException(
      PhraseAutomaton.Hit<Rule> hit, List<PhraseAutomaton.Hit<Rule>> exceptions) {
    for (PhraseAutomaton.Hit<Rule> e : exceptions) {
      if (e.value() == hit.value() && e.start() <= hit.start() && hit.end() <= e.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a negation cue stands right before {@code start} (compact index) or a few characters
   * before it in its sentence.
   */
  boolean negated(CompactText ct, int start) {
    String c = ct.compact();
    int sentence = ct.sentenceStart(start);
    int adjacentFrom = Math.max(sentence, start - 3);
    for (var hit : negationAdjacent.find(c.substring(adjacentFrom, start))) {
      if (adjacentFrom + hit.end() == start) {
        return true;
      }
    }
    int windowFrom = Math.max(sentence, start - negationWindow);
    return negation.anyIn(c, windowFrom, start);
  }

  /** A warning cue in the sentence, unless the cue itself is denied (绝对不会出现暴雷). */
  private boolean warned(CompactText ct, int index) {
    int from = ct.sentenceStart(index);
    for (var hit : warning.find(ct.compact().substring(from, ct.sentenceEnd(index)))) {
      if (!negated(ct, from + hit.start())) {
        return true;
      }
    }
    return false;
  }
}
