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
 * <p>The rules that fire on what the text says, and the controls of RULES.md around each trigger
 * (except phrases, negation, warning cues), are the {@link TriggerMatcher}'s; the whole text then
 * goes through page-type detection (news, notices, court texts, warnings and education do not
 * solicit, so their quotes are not findings) and the solicitation test (financial vocabulary plus a
 * call to action or the operator's own voice). Findings exist only on solicitations: the system
 * must not flag the messenger.
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
  private final TriggerMatcher triggers;
  private final PhraseAutomaton<String> pageTypes;
  private final PhraseAutomaton<String> financial;
  private final PhraseAutomaton<String> callToAction;
  private final PhraseAutomaton<String> operatorVoice;
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
    this.triggers = new TriggerMatcher(rules);
    List<Rule> unlicensed = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      // Java 17: no pattern matching in switch yet.
      Trigger trigger = rule.trigger();
      if (trigger instanceof Trigger.OperatorNotLicensed) {
        unlicensed.add(rule);
      } else if (trigger instanceof Trigger.AdLacks lacks) {
        PhraseAutomaton.Builder<Rule> b = PhraseAutomaton.builder();
        lacks.phrases().forEach(p -> b.add(p, rule));
        adLacks.put(rule, b.build());
      } else if (trigger instanceof Trigger.AdUnlabelled) {
        adUnlabelled.add(rule);
      }
    }
    this.unlicensedRules = List.copyOf(unlicensed);
    var cues = rules.context();
    PhraseAutomaton.Builder<String> types = PhraseAutomaton.builder();
    cues.pageTypes().forEach((type, spec) -> spec.cues().forEach(p -> types.add(p, type)));
    this.pageTypes = types.build();
    this.financial = TriggerMatcher.cues(cues.financial(), "financial");
    this.callToAction = TriggerMatcher.cues(cues.callToAction(), "cta");
    this.operatorVoice = TriggerMatcher.cues(cues.operatorVoice(), "voice");
    this.licenceCheck =
        new LicenceCheck(TriggerMatcher.cues(cues.licenceThirdParty(), "third-party"));
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
    List<Finding> findings = triggers.findings(ct);
    LicenceRegistry licences = registry.get();
    List<PhraseAutomaton.Hit<Licence>> operators = licenceCheck.operators(ct, licences);
    findings.removeIf(f -> LicenceCheck.cleared(f, ct, operators, licences));
    boolean isFinancial = financial.any(c);
    boolean nonSoliciting = !pageType.equals(OTHER);
    boolean offer =
        callToAction.any(c)
            || CONTACT.matcher(ct.normalised()).find()
            || operatorVoice.any(c)
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
          if (!required.any(compact)) {
            findings.add(TriggerMatcher.originalFinding(ct, rule, 0, ct.original().length()));
          }
        });
    boolean asksToAct = callToAction.any(compact) || CONTACT.matcher(ct.normalised()).find();
    if (!labelled && asksToAct) {
      adUnlabelled.forEach(
          rule ->
              findings.add(TriggerMatcher.originalFinding(ct, rule, 0, ct.original().length())));
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
      if (!triggers.negated(ct, hit.start())) {
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
      out.add(TriggerMatcher.originalFinding(ct, rule, start, end));
    }
    return out;
  }
}
