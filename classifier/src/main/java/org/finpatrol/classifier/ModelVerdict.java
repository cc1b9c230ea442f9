package org.finpatrol.classifier;

import java.util.List;

/**
 * What the statistical model said about a text: its probabilities for {@code guaranteed_return} and
 * {@code financial_solicitation}, and the labels it added that no rule found ({@code added}, empty
 * when the rules found everything it did). Shown beside the findings, never as one.
 */
public record ModelVerdict(
    double guaranteedReturn, double financialSolicitation, List<String> added) {

  public ModelVerdict {
    added = List.copyOf(added);
  }
}
