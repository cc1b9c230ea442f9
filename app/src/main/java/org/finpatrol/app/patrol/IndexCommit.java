package org.finpatrol.app.patrol;

import java.io.IOException;
import org.finpatrol.indexer.PageIndex;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Commits the index once its chunk's pages are in it ({@link IndexProcessor}), before the step
 * records the chunk as done: pages are searchable as soon as their chunk is, and a chunk recorded
 * as done is always in the index.
 */
final class IndexCommit implements ItemWriter<StoredPage> {

  private final PageIndex index;

  IndexCommit(PageIndex index) {
    this.index = index;
  }

  @Override
  public void write(Chunk<? extends StoredPage> pages) throws IOException {
    index.commit();
  }
}
