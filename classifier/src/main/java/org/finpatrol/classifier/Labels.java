package org.finpatrol.classifier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The category and signal ids of RULES.md; every other module uses these spellings. */
public final class Labels {

  public static final String GUARANTEED_RETURN = "GUARANTEED_RETURN";
  public static final String UNLICENSED_SOLICITATION = "UNLICENSED_SOLICITATION";
  public static final String SUSPICIOUS_PLATFORM = "SUSPICIOUS_PLATFORM";

  public static final List<String> CATEGORIES =
      List.of(GUARANTEED_RETURN, UNLICENSED_SOLICITATION, SUSPICIOUS_PLATFORM);

  public static final List<String> SIGNALS =
      List.of(
          "HIGH_YIELD",
          "FUND_POOL",
          "SELF_GUARANTEE",
          "TERM_SPLIT",
          "FAKE_PROJECT",
          "REFERRAL_REBATE",
          "DOWN_PAYMENT_LOAN",
          "SECURITIES_MARGIN",
          "UNLICENSED_PAYMENT",
          "EQUITY_DEBT",
          "FALSE_ENDORSEMENT",
          "NO_CUSTODY",
          "OFFLINE_SALES",
          "RESTRICTED_NAME",
          "MISSING_RISK_WARNING",
          "UNLABELED_AD");

  private Labels() {}

  /** Categories and signals together: the vocabulary of labels a page can carry. */
  public static Set<String> all() {
    Set<String> all = new LinkedHashSet<>(CATEGORIES);
    all.addAll(SIGNALS);
    return all;
  }
}
