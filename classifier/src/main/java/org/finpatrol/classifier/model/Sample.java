package org.finpatrol.classifier.model;

/** A labelled text to train on. */
public record Sample(String text, boolean guaranteedReturn, boolean financialSolicitation) {}
