package org.finpatrol.app.patrol;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.finpatrol.indexer.PageIndex;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Stores findings (replacing earlier ones of the page) and puts the page's categories and signals
 * on its index document, without re-indexing its text.
 *
 * <p>The index step wrote each page with every label off, so an unflagged page needs no update and
 * a flagged one only the labels it has (Lucene rewrites an updated doc-values field whole, in every
 * segment holding an updated page, at each commit: setting all sixteen took most of the commit).
 * Pages that may carry labels of an earlier attempt get every label set instead: the first chunk of
 * each step execution (after a crash or a failed commit, the chunk a restart begins with may have
 * had its labels committed to the index already; whether this execution is a restart is not known
 * for certain after a crash in the first chunk, so every execution pays for one such chunk) and,
 * for a partition, every chunk of a classify phase resumed after its index phase ran in an earlier
 * attempt. The classification can differ between attempts: the licence registry reloads, rules get
 * edited.
 */
final class ClassifyWriter implements ItemStreamWriter<ClassifiedPage> {

  private final PatrolStore store;
  private final PageIndex index;
  private final boolean everyChunkMayBeRedone;
  private boolean nextChunkMayBeRedone;

  /**
   * @param resumedPhase whether every page may have been classified, and labelled, before
   */
  ClassifyWriter(PatrolStore store, PageIndex index, boolean resumedPhase) {
    this.store = store;
    this.index = index;
    this.everyChunkMayBeRedone = resumedPhase;
  }

  @Override
  public void open(ExecutionContext context) {
    nextChunkMayBeRedone = true;
  }

  @Override
  public void write(Chunk<? extends ClassifiedPage> pages) throws IOException {
    store.verdicts().save(List.copyOf(pages.getItems()));
    boolean redone = everyChunkMayBeRedone || nextChunkMayBeRedone;
    for (ClassifiedPage c : pages) {
      Set<String> labels = c.labels();
      if (redone) {
        index.setLabels(c.page().url(), labels, 0);
      } else if (!labels.isEmpty()) {
        index.turnOnLabels(c.page().url(), labels);
      }
    }
    index.commit();
    nextChunkMayBeRedone = false;
  }
}
