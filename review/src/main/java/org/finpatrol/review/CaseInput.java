package org.finpatrol.review;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a patrol knows about a flagged platform or ad: the key that identifies it across patrols
 * ({@code platformKey}: the host for a site), a representative URL, labels, risk and evidence.
 */
public record CaseInput(
    CaseKind kind,
    String platformKey,
    String host,
    String url,
    Set<String> categories,
    Set<String> signals,
    String county,
    int risk,
    List<Evidence> evidence) {

  public CaseInput {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(platformKey, "platformKey");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(url, "url");
    categories = Set.copyOf(categories);
    signals = Set.copyOf(signals);
    evidence = List.copyOf(evidence);
    if (risk < 0 || risk > 100) {
      throw new IllegalArgumentException("risk must be 0-100, got " + risk);
    }
  }
}
