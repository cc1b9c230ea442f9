package org.finpatrol.classifier;

import java.util.List;

/**
 * The verdict on one text: whether it promises guaranteed returns, whether it markets a financial
 * business, the signal ids it shows, and the findings behind them (ordered by position). {@code
 * pageType} is the detected kind of text ({@code solicitation}, {@code news}, {@code notice},
 * {@code court}, {@code warning}, {@code education} or {@code other}).
 */
public record Classification(
    String id,
    boolean guaranteedReturn,
    boolean financialSolicitation,
    List<String> signals,
    List<Finding> findings,
    String pageType) {

  public Classification {
    signals = List.copyOf(signals);
    findings = List.copyOf(findings);
  }

  /** Category ids this text supports on its own (page level). */
  public List<String> categories() {
    return guaranteedReturn ? List.of(Labels.GUARANTEED_RETURN) : List.of();
  }
}
