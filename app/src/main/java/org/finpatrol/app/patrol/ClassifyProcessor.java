package org.finpatrol.app.patrol;

import java.util.LinkedHashMap;
import java.util.Map;
import org.finpatrol.classifier.Classification;
import org.finpatrol.classifier.Classifier;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Classifies a page's title and text, and each of its ads on its own (an ad's claim belongs to the
 * advertiser, not to the page that carries it).
 */
final class ClassifyProcessor implements ItemProcessor<StoredPage, ClassifiedPage> {

  private final Classifier classifier;
  private final PatrolStore store;

  ClassifyProcessor(Classifier classifier, PatrolStore store) {
    this.classifier = classifier;
    this.store = store;
  }

  @Override
  public ClassifiedPage process(StoredPage page) {
    // Title first, on its own line: findings' offsets then refer to "title\ntext".
    Classification result = classifier.classify(page.url(), page.title() + "\n" + page.text());
    Map<StoredAd, Classification> ads = new LinkedHashMap<>();
    for (StoredAd ad : store.ads(page)) {
      ads.put(ad, classifier.classifyAd("ad-" + ad.id(), ad.text(), ad.labelled()));
    }
    return new ClassifiedPage(page, result, ads);
  }
}
