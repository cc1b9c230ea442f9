package org.finpatrol.app.patrol;

import java.util.List;

/** A host's aggregate for one run: risk 0-100, band (red/yellow/green), labels, and why. */
public record Platform(
    String host,
    int risk,
    String band,
    List<String> categories,
    List<String> signals,
    int pages,
    int flaggedPages,
    List<String> reasons) {

  public Platform {
    categories = List.copyOf(categories);
    signals = List.copyOf(signals);
    reasons = List.copyOf(reasons);
  }
}
