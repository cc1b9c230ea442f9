package org.finpatrol.classifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on one text: whether it promises guaranteed returns, whether it markets a financial
 * business, the signal ids it shows, and the findings behind them (ordered by position). {@code
 * pageType} is the detected kind of text ({@code solicitation}, {@code news}, {@code notice},
 * {@code court}, {@code warning}, {@code education} or {@code other}). {@code model} is the
 * statistical model's verdict, or null when no model is configured; a label it {@linkplain
 * ModelVerdict#added() added} has no finding behind it.
 */
public record Classification(
    String id,
    boolean guaranteedReturn,
    boolean financialSolicitation,
    List<String> signals,
    List<Finding> findings,
    String pageType,
    ModelVerdict model) {

  public Classification {
    signals = List.copyOf(signals);
    findings = List.copyOf(findings);
  }

  /** Category ids this text supports on its own (page level), in the order of RULES.md. */
  public List<String> categories() {
    List<String> out = new ArrayList<>();
    for (String category : Labels.CATEGORIES) {
      boolean found = findings.stream().anyMatch(f -> category.equals(f.category()));
      if (found || (category.equals(Labels.GUARANTEED_RETURN) && guaranteedReturn)) {
        out.add(category);
      }
    }
    return out;
  }
}
