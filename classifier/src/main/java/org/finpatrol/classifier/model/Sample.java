package org.finpatrol.classifier.model;

/**
 * A labelled text to train on. A label may be unknown (null): a reviewer who dismissed a claim of
 * guaranteed returns said it is none, not whether the page solicits. Each categorizer learns only
 * from the samples that carry its label.
 */
public record Sample(String text, Boolean guaranteedReturn, Boolean financialSolicitation) {

  public Sample(String text, boolean guaranteedReturn, boolean financialSolicitation) {
    this(text, Boolean.valueOf(guaranteedReturn), Boolean.valueOf(financialSolicitation));
  }
}
