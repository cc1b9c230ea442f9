package org.finpatrol.classifier;

import java.util.ArrayList;
import java.util.List;
import org.finpatrol.classifier.licence.Licence;
import org.finpatrol.classifier.licence.LicenceRegistry;
import org.finpatrol.classifier.match.CompactText;
import org.finpatrol.classifier.match.PhraseAutomaton;

/**
 * The licence look-up of RULES.md (control 5): which registered firms a text names as its own
 * operator, and which findings a licensed operator is cleared of. Immutable.
 */
final class LicenceCheck {

  private final PhraseAutomaton<String> thirdParty;

  LicenceCheck(PhraseAutomaton<String> thirdParty) {
    this.thirdParty = thirdParty;
  }

  /**
   * Registered names the text gives as its operator's: every mention of a name or alias of the
   * licence registry except those in a third-party role (a custody bank, a partner, a way to pay:
   * 由浙商银行存管, 支持支付宝付款), which say nothing about who is soliciting.
   */
  List<PhraseAutomaton.Hit<Licence>> operators(CompactText ct, LicenceRegistry registry) {
    if (registry.size() == 0) {
      return List.of();
    }
    List<PhraseAutomaton.Hit<Licence>> operators = new ArrayList<>();
    String c = ct.compact();
    for (var mention : registry.mentions(c)) {
      if (mention.value().type().equals("custody")
          && registry.lookup(mention.phrase()).size() == 1) {
        continue; // On the custody list only: a bank named for custody, not a licensed seller.
      }
      int from = Math.max(ct.sentenceStart(mention.start()), mention.start() - THIRD_PARTY_REACH);
      int to = Math.min(ct.sentenceEnd(mention.start()), mention.end() + THIRD_PARTY_REACH);
      if (!thirdParty.anyIn(c, from, to)) {
        operators.add(mention);
      }
    }
    return operators;
  }

  /** How far (compact characters) a third-party cue may stand from a registered name. */
  private static final int THIRD_PARTY_REACH = 12;

  /**
   * RULES.md control 5: a licensed operator's restricted name, state backing and custody
   * arrangements are not signals; nor is a restricted name that is itself registered.
   */
  static boolean cleared(
      Finding f,
      CompactText ct,
      List<PhraseAutomaton.Hit<Licence>> operators,
      LicenceRegistry registry) {
    if (f.signal() == null) {
      return false;
    }
    switch (f.signal()) {
      case "RESTRICTED_NAME":
        if (!registry.lookup(f.text()).isEmpty()) {
          return true;
        }
        for (var op : operators) {
          if (ct.originalStart(op.start()) < f.end() && f.start() < ct.originalEnd(op.end())) {
            return true;
          }
        }
        return false;
      case "FALSE_ENDORSEMENT":
      case "NO_CUSTODY":
        return !operators.isEmpty();
      default:
        return false;
    }
  }
}
