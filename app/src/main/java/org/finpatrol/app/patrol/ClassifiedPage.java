package org.finpatrol.app.patrol;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.finpatrol.classifier.Classification;

/** A page with the classification of its text and of each of its ads. */
record ClassifiedPage(StoredPage page, Classification result, Map<StoredAd, Classification> ads) {

  /** The page's own labels: its categories, then its signals; none when it is not flagged. */
  Set<String> labels() {
    Set<String> labels = new LinkedHashSet<>(result.categories());
    labels.addAll(result.signals());
    return labels;
  }

  boolean flagged() {
    return !labels().isEmpty();
  }
}
