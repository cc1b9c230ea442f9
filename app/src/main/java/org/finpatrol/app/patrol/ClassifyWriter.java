package org.finpatrol.app.patrol;

import java.io.IOException;
import java.util.List;
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
    store.saveClassifications(List.copyOf(pages.getItems()));
    for (ClassifiedPage c : pages) {
      Set<String> labels = c.labels();
      if (!labels.isEmpty()) {
        // The index step wrote the page with every label off: an unflagged page needs no update,
        // and a flagged one only its labels that are on (Lucene rewrites each updated doc-values
        // field of a segment whole at the commit: setting all of them took most of the commit).
        index.turnOnLabels(c.page().url(), labels);
      }
    }
    index.commit();
  }
}
