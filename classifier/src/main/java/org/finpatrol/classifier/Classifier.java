package org.finpatrol.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.finpatrol.classifier.licence.Licence;
import org.finpatrol.classifier.licence.LicenceRegistry;
import org.finpatrol.classifier.match.CompactText;
import org.finpatrol.classifier.match.Homophones;
import org.finpatrol.classifier.match.PhraseAutomaton;
import org.finpatrol.classifier.model.ModelScores;
import org.finpatrol.classifier.model.TextModel;
import org.finpatrol.classifier.rules.Rule;
import org.finpatrol.classifier.rules.RulePackLoader;
import org.finpatrol.classifier.rules.RuleSet;
import org.finpatrol.classifier.rules.Trigger;

/**
 * Classifies a text (a page's extracted text or an ad's creative) against the rule packs.
 *
 * <p>All phrases of all rules are compiled once into one automaton, so a text is scanned once
 * whatever the number of rules. Each trigger then goes through the controls of RULES.md: an {@code
 * except} phrase around it, a negation right before it or a few characters before it in its
 * sentence, a warning cue in its sentence; and the whole text through page-type detection (news,
 * notices, court texts, warnings and education do not solicit, so their quotes are not findings)
 * and the solicitation test (financial vocabulary plus a call to action or the operator's own
 * voice). Findings exist only on solicitations: the system must not flag the messenger.
 *
 * <p>Immutable and thread-safe once built; build a new one to pick up edited rule files.
 */
public final class Classifier {

  private static final String SOLICITATION = "solicitation";
  private static final String OTHER = "other";

  /** Phone numbers (0392-3208867, 400-830-1276) and web addresses count as calls to action. */
  private static final Pattern CONTACT =
      Pattern.compile(
          "(0\\d{2,3}-\\d{7,8})|(400-?\\d{3}-?\\d{4})|(1[3-9]\\d{9})|(www\\.)|(\\.(cn|com|net|test)\\b)");

  private final RuleSet rules;
  private final PhraseAutomaton<Rule> triggers;
  private final PhraseAutomaton<Rule> homophoneTriggers;
  private final PhraseAutomaton<NearPart> nearParts;
  private final PhraseAutomaton<Rule> anchors;
  private final PhraseAutomaton<Rule> exceptions;
  private final PhraseAutomaton<String> negationAdjacent;
  private final PhraseAutomaton<String> negation;
  private final PhraseAutomaton<String> warning;
  private final PhraseAutomaton<String> pageTypes;
  private final PhraseAutomaton<String> financial;
  private final PhraseAutomaton<String> callToAction;
  private final PhraseAutomaton<String> operatorVoice;
  private final List<Rule> yieldRules;
  private final List<Rule> unlicensedRules;

  /** Ad-only rules: what an ad must show (risk warning, 广告 label). */
  private final Map<Rule, PhraseAutomaton<Rule>> adLacks = new LinkedHashMap<>();

  private final List<Rule> adUnlabelled = new ArrayList<>();

  /** Asked once per text: an edited registry applies to the next text without a rebuild. */
  private final Supplier<LicenceRegistry> registry;

  private final LicenceCheck licenceCheck;

  private final TextModel model;

  /** A classifier with an empty licence registry (no operator counts as licensed), no model. */
  public Classifier(RuleSet rules) {
    this(rules, LicenceRegistry.EMPTY, null);
  }

  /** Rules and licence registry; {@code model} may be null (rules only). */
  public Classifier(RuleSet rules, LicenceRegistry registry, TextModel model) {
    this(rules, () -> registry, model);
  }

  private Classifier(RuleSet rules, Supplier<LicenceRegistry> registry, TextModel model) {
    this.rules = rules;
    this.registry = registry;
    this.model = model;
    PhraseAutomaton.Builder<Rule> t = PhraseAutomaton.builder();
    PhraseAutomaton.Builder<Rule> h = PhraseAutomaton.builder();
    PhraseAutomaton.Builder<NearPart> n = PhraseAutomaton.builder();
    PhraseAutomaton.Builder<Rule> a = PhraseAutomaton.builder();
    PhraseAutomaton.Builder<Rule> x = PhraseAutomaton.builder();
    List<Rule> yields = new ArrayList<>();
    List<Rule> unlicensed = new ArrayList<>();
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
      } else if (trigger instanceof Trigger.OperatorNotLicensed) {
        unlicensed.add(rule);
      } else if (trigger instanceof Trigger.AdLacks lacks) {
        PhraseAutomaton.Builder<Rule> b = PhraseAutomaton.builder();
        lacks.phrases().forEach(p -> b.add(p, rule));
        adLacks.put(rule, b.build());
      } else if (trigger instanceof Trigger.AdUnlabelled) {
        adUnlabelled.add(rule);
      } else {
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
    this.unlicensedRules = List.copyOf(unlicensed);
    var cues = rules.context();
    this.negationAdjacent = cues(cues.negationAdjacent(), "neg");
    this.negation = cues(cues.negation(), "neg");
    this.warning = cues(cues.warning(), "warning");
    PhraseAutomaton.Builder<String> types = PhraseAutomaton.builder();
    cues.pageTypes().forEach((type, spec) -> spec.cues().forEach(p -> types.add(p, type)));
    this.pageTypes = types.build();
    this.financial = cues(cues.financial(), "financial");
    this.callToAction = cues(cues.callToAction(), "cta");
    this.operatorVoice = cues(cues.operatorVoice(), "voice");
    this.licenceCheck = new LicenceCheck(cues(cues.licenceThirdParty(), "third-party"));
  }

  /**
   * Loads the rule packs of a directory ({@code config/rules}) and the licence registry beside it
   * ({@code config/licences.csv}; none there is an empty registry).
   */
  public static Classifier load(Path rulesDirectory) throws IOException {
    return load(rulesDirectory, rulesDirectory.resolveSibling("licences.csv"));
  }

  public static Classifier load(Path rulesDirectory, Path licences) throws IOException {
    return load(rulesDirectory, LicenceRegistry.load(licences));
  }

  public static Classifier load(Path rulesDirectory, LicenceRegistry registry) throws IOException {
    return new Classifier(
        new RulePackLoader(Labels.CATEGORIES, Labels.SIGNALS).load(rulesDirectory), registry, null);
  }

  /**
   * The same rules and model with a registry that may change while the classifier is in use (the
   * database's, which admins edit); each text is judged against the registry of the moment.
   */
  public Classifier withLicences(Supplier<LicenceRegistry> registry) {
    return new Classifier(rules, registry, model);
  }

  /** The same rules and registry with this statistical model (null: rules only). */
  public Classifier withModel(TextModel model) {
    return new Classifier(rules, registry, model);
  }

  public boolean hasModel() {
    return model != null;
  }

  /** The model's threshold, or the default when there is no model. */
  public double modelThreshold() {
    return model == null ? TextModel.DEFAULT_THRESHOLD : model.threshold();
  }

  private static PhraseAutomaton<String> cues(List<String> phrases, String value) {
    PhraseAutomaton.Builder<String> b = PhraseAutomaton.builder();
    phrases.forEach(p -> b.add(p, value));
    return b.build();
  }

  public RuleSet rules() {
    return rules;
  }

  /** Classifies {@code text}; {@code id} is carried into the result. Never throws on content. */
  public Classification classify(String id, String text) {
    return classify(id, CompactText.of(text == null ? "" : text));
  }

  private Classification classify(String id, CompactText ct) {
    String c = ct.compact();
    String pageType = pageType(ct);
    List<Finding> findings = new ArrayList<>();
    List<PhraseAutomaton.Hit<Rule>> excepted = exceptions.find(c);
    findings.addAll(phraseFindings(ct, excepted));
    findings.addAll(nearFindings(ct, excepted));
    findings.addAll(patternFindings(ct, excepted));
    findings.addAll(yieldFindings(ct));
    LicenceRegistry licences = registry.get();
    List<PhraseAutomaton.Hit<Licence>> operators = licenceCheck.operators(ct, licences);
    findings.removeIf(f -> LicenceCheck.cleared(f, ct, operators, licences));
    boolean isFinancial = !financial.find(c).isEmpty();
    boolean nonSoliciting = !pageType.equals(OTHER);
    boolean offer =
        !callToAction.find(c).isEmpty()
            || CONTACT.matcher(ct.normalised()).find()
            || !operatorVoice.find(c).isEmpty()
            || findings.stream().anyMatch(f -> f.category() != null);
    boolean ruleSolicitation = isFinancial && !nonSoliciting && offer;
    ModelScores scores = model == null ? null : model.score(ct);
    // The model may add what the rules missed, never on news, notices and warnings.
    boolean modelSolicitation =
        scores != null && !nonSoliciting && scores.financialSolicitation() >= model.threshold();
    boolean solicitation = ruleSolicitation || modelSolicitation;
    List<String> added = new ArrayList<>();
    if (!solicitation) {
      return new Classification(
          id,
          false,
          false,
          List.of(),
          List.of(),
          nonSoliciting ? pageType : OTHER,
          verdict(scores, added));
    }
    if (!ruleSolicitation) {
      added.add("financial_solicitation");
    }
    if (operators.isEmpty()) {
      findings.addAll(unlicensedFindings(ct, findings));
    }
    findings.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::rule));
    boolean ruleGuaranteed =
        findings.stream().anyMatch(f -> Labels.GUARANTEED_RETURN.equals(f.category()));
    boolean guaranteed =
        ruleGuaranteed || (scores != null && scores.guaranteedReturn() >= model.threshold());
    if (guaranteed && !ruleGuaranteed) {
      added.add("guaranteed_return");
    }
    Set<String> signals = new LinkedHashSet<>();
    findings.stream().map(Finding::signal).filter(s -> s != null).forEach(signals::add);
    return new Classification(
        id, guaranteed, true, List.copyOf(signals), findings, SOLICITATION, verdict(scores, added));
  }

  /**
   * Classifies an ad's creative: as {@link #classify}, plus what RULES.md requires an ad that
   * markets a financial product to show: a risk warning ({@code MISSING_RISK_WARNING}) and, when it
   * asks the reader to act, a 广告 label ({@code UNLABELED_AD}; {@code labelled} says whether the
   * page showed one). Those findings span the whole ad: they are about what is missing.
   */
  public Classification classifyAd(String id, String text, boolean labelled) {
    CompactText ct = CompactText.of(text == null ? "" : text);
    Classification c = classify(id, ct);
    if (!c.financialSolicitation() || (adLacks.isEmpty() && adUnlabelled.isEmpty())) {
      return c;
    }
    String compact = ct.compact();
    List<Finding> findings = new ArrayList<>(c.findings());
    adLacks.forEach(
        (rule, required) -> {
          if (required.find(compact).isEmpty()) {
            findings.add(originalFinding(ct, rule, 0, ct.original().length()));
          }
        });
    boolean asksToAct =
        !callToAction.find(compact).isEmpty() || CONTACT.matcher(ct.normalised()).find();
    if (!labelled && asksToAct) {
      adUnlabelled.forEach(
          rule -> findings.add(originalFinding(ct, rule, 0, ct.original().length())));
    }
    findings.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::rule));
    Set<String> signals = new LinkedHashSet<>();
    findings.stream().map(Finding::signal).filter(s -> s != null).forEach(signals::add);
    return new Classification(
        c.id(),
        c.guaranteedReturn(),
        true,
        List.copyOf(signals),
        findings,
        c.pageType(),
        c.model());
  }

  private static ModelVerdict verdict(ModelScores scores, List<String> added) {
    return scores == null
        ? null
        : new ModelVerdict(scores.guaranteedReturn(), scores.financialSolicitation(), added);
  }

  /**
   * The page type whose distinct cues most exceed its threshold, or "other" when none reaches its
   * threshold.
   */
  private String pageType(CompactText ct) {
    Map<String, Set<String>> seen = new HashMap<>();
    for (var hit : pageTypes.find(ct.compact())) {
      if (!negated(ct, hit.start())) {
        seen.computeIfAbsent(hit.value(), k -> new HashSet<>()).add(hit.phrase());
      }
    }
    String best = OTHER;
    int bestMargin = -1;
    for (var e : seen.entrySet()) {
      int margin = e.getValue().size() - rules.context().pageTypes().get(e.getKey()).threshold();
      if (margin > bestMargin) {
        best = e.getKey();
        bestMargin = margin;
      }
    }
    return best;
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
    for (var e : windows.entrySet()) {
      Rule rule = e.getKey();
      // Transparent, non-anchoring bounds: look-arounds and ^ see the text beyond the window, so
      // a match inside a window is exactly a match the pattern would find in the whole text.
      var m =
          ((Trigger.Regex) rule.trigger())
              .pattern()
              .matcher(ct.normalised())
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

  /**
   * The UNLICENSED_SOLICITATION findings of a solicitation whose operator is not registered. The
   * finding points at the operator's restricted name when there is one, else at the text's first
   * financial cue (what makes it financial marketing).
   */
  private List<Finding> unlicensedFindings(CompactText ct, List<Finding> findings) {
    if (unlicensedRules.isEmpty()) {
      return List.of();
    }
    int start = 0;
    int end = 0;
    var name = findings.stream().filter(f -> "RESTRICTED_NAME".equals(f.signal())).findFirst();
    if (name.isPresent()) {
      start = name.get().start();
      end = name.get().end();
    } else {
      var cue = financial.find(ct.compact());
      if (!cue.isEmpty()) {
        start = ct.originalStart(cue.get(0).start());
        end = ct.originalEnd(cue.get(0).end());
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Rule rule : unlicensedRules) {
      out.add(originalFinding(ct, rule, start, end));
    }
    return out;
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
  private static Finding originalFinding(CompactText ct, Rule rule, int start, int end) {
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

  private boolean negated(CompactText ct, int start) {
    String c = ct.compact();
    int sentence = ct.sentenceStart(start);
    int adjacentFrom = Math.max(sentence, start - 3);
    for (var hit : negationAdjacent.find(c.substring(adjacentFrom, start))) {
      if (adjacentFrom + hit.end() == start) {
        return true;
      }
    }
    int windowFrom = Math.max(sentence, start - rules.context().negationWindow());
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
