package org.finpatrol.classifier.rules;

import java.util.List;
import java.util.Map;

/**
 * The context cue lists of {@code config/rules/context.yml}: negation, warning, page types,
 * financial vocabulary, call to action, operator voice, and the words that make a registered name a
 * third party rather than the operator (由浙商银行存管, 支持支付宝付款).
 */
public record ContextCues(
    List<String> negationAdjacent,
    List<String> negation,
    int negationWindow,
    List<String> warning,
    Map<String, PageType> pageTypes,
    List<String> financial,
    List<String> callToAction,
    List<String> operatorVoice,
    List<String> licenceThirdParty) {

  /** Cues of a page type, and how many distinct ones make a text that type. */
  public record PageType(int threshold, List<String> cues) {
    public PageType {
      cues = List.copyOf(cues);
    }
  }

  public ContextCues {
    negationAdjacent = List.copyOf(negationAdjacent);
    negation = List.copyOf(negation);
    warning = List.copyOf(warning);
    pageTypes = Map.copyOf(pageTypes);
    financial = List.copyOf(financial);
    callToAction = List.copyOf(callToAction);
    operatorVoice = List.copyOf(operatorVoice);
    licenceThirdParty = List.copyOf(licenceThirdParty);
  }
}
