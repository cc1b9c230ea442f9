package org.finpatrol.app.patrol;

import java.io.IOException;
import java.util.Set;
import org.finpatrol.indexer.PageIndex;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Stores findings (replacing earlier ones of the page) and puts the page's categories and signals
 * on its index document, without re-indexing its text.
 */
final class ClassifyWriter implements ItemWriter<ClassifiedPage> {

  private final PatrolStore store;
  private final PageIndex index;

  ClassifyWriter(PatrolStore store, PageIndex index) {
    this.store = store;
    this.index = index;
  }

  @Override
  public void write(Chunk<? extends ClassifiedPage> pages) throws IOException {
    for (ClassifiedPage c : pages) {
      store.saveClassification(c.page(), c.result(), c.ads());
      Set<String> labels = c.labels();
      if (!labels.isEmpty()) {
        // The index step wrote the page with every label off; an unflagged page needs no update
        // (each one is a doc-values update Lucene applies at the commit).
        index.setLabels(c.page().url(), labels, 0);
      }
    }
    index.commit();
  }
}
