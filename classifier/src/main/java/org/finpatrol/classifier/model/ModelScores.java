package org.finpatrol.classifier.model;

/** The model's probabilities that a text promises guaranteed returns and that it solicits. */
public record ModelScores(double guaranteedReturn, double financialSolicitation) {}
