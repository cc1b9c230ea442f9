package org.finpatrol.classifier.rules;

import java.util.List;

/**
 * One rule of a pack: its {@link Trigger}, and {@code except} phrases inside which a triggering
 * phrase is harmless (保本 inside 保本价). Exactly one of {@code category} and {@code signal} is set.
 */
public record Rule(
    String id,
    String category,
    String signal,
    String description,
    String basis,
    int weight,
    Trigger trigger,
    List<String> except,
    String source) {

  public Rule {
    except = List.copyOf(except);
  }

  /**
   * The id's hash, which String keeps: a record's own hashCode hashes every component, the trigger
   * and its phrase lists too, and the classifier groups a page's hits by rule in hash maps.
   * Consistent with equals: equal rules have equal ids.
   */
  @Override
  public int hashCode() {
    return java.util.Objects.hashCode(id);
  }
}
