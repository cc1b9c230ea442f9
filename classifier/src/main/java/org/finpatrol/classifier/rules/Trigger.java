package org.finpatrol.classifier.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes a rule fire. Phrases and proximity groups are compiled into the classifier's shared
 * automata, so adding rules of these kinds costs nothing per page; a pattern runs only on texts
 * where one of its anchor phrases occurs.
 */
public sealed interface Trigger {

  /**
   * Any one phrase fires (保本保息, 刚性兑付). With {@code homophones}, a phrase of three or more
   * characters also fires when written with characters that sound the same (宝本宝息, 稳攒不赔).
   */
  record Phrases(List<String> phrases, boolean homophones) implements Trigger {
    public Phrases {
      phrases = List.copyOf(phrases);
    }
  }

  /**
   * One phrase of every group within {@code within} characters of the compact text, in one
   * sentence: 公司 … 承担 … 亏损.
   */
  record Near(int within, List<List<String>> groups) implements Trigger {
    public Near {
      groups = groups.stream().map(List::copyOf).toList();
    }
  }

  /**
   * A regular expression over the normalised text (simplified, half-width, lower case), run only
   * when one of {@code anchors} occurs; the match is the finding. For shapes phrases cannot list,
   * such as operator names (鑫盛财富管理有限公司). It is tried only from {@code before} characters before an
   * anchor's hit to {@code after} characters after it, so every match must contain an anchor and
   * lie that close to it.
   */
  record Regex(Pattern pattern, List<String> anchors, int before, int after, HanFold fold)
      implements Trigger {
    /** How far a match may reach from its anchor unless the rule says (RulePackLoader). */
    public static final int DEFAULT_REACH = 48;

    public Regex {
      anchors = List.copyOf(anchors);
      if (before < 0 || after < 0) {
        throw new IllegalArgumentException(
            "reach must be at least 0 characters each side, got " + before + " and " + after);
      }
    }

    /** The pattern, with its {@link HanFold faster form} when it has one. */
    public Regex(Pattern pattern, List<String> anchors, int before, int after) {
      this(pattern, anchors, before, after, HanFold.of(pattern.pattern()));
    }

    /** As far either side of the anchor. */
    public Regex(Pattern pattern, List<String> anchors, int reach) {
      this(pattern, anchors, reach, reach);
    }

    public Regex(Pattern pattern, List<String> anchors) {
      this(pattern, anchors, DEFAULT_REACH);
    }
  }

  /** A parsed yield (年化15%, 月息2分, 日息万分之五) at or over the threshold, annualised. */
  record YieldAtLeast(double percent) implements Trigger {}

  /**
   * The text solicits and names no operator that the licence registry knows (RULES.md {@code
   * UNLICENSED_SOLICITATION}); the finding points at the operator's name when the text gives one.
   */
  record OperatorNotLicensed() implements Trigger {}

  /**
   * An ad that solicits and contains none of {@code phrases} (a financial ad without 投资有风险 or
   * 理财非存款: {@code MISSING_RISK_WARNING}). The finding is the whole ad.
   */
  record AdLacks(List<String> phrases) implements Trigger {
    public AdLacks {
      phrases = List.copyOf(phrases);
    }
  }

  /**
   * An ad that solicits with a call to action and shows no 广告 label ({@code UNLABELED_AD}). The
   * finding is the whole ad.
   */
  record AdUnlabelled() implements Trigger {}
}
