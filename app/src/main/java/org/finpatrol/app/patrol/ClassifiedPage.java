package org.finpatrol.app.patrol;

import java.util.Map;
import org.finpatrol.classifier.Classification;

/** A page with the classification of its text and of each of its ads. */
record ClassifiedPage(StoredPage page, Classification result, Map<StoredAd, Classification> ads) {}
