package org.finpatrol.app.patrol;

import java.io.IOException;
import org.finpatrol.indexer.IndexedPage;
import org.finpatrol.indexer.PageIndex;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of fetched pages to the index and commits, so pages are searchable as soon as
 * their chunk is done. Re-writing a page replaces it (the index is keyed by URL), which makes a
 * restarted chunk harmless.
 */
final class IndexWriter implements ItemWriter<StoredPage> {

  private final PageIndex index;

  IndexWriter(PageIndex index) {
    this.index = index;
  }

  @Override
  public void write(Chunk<? extends StoredPage> pages) throws IOException {
    for (StoredPage p : pages) {
      index.upsert(
          new IndexedPage(
              p.url(),
              p.host(),
              p.title(),
              p.text(),
              p.fetchedAt(),
              p.warcFile(),
              p.recordId(),
              p.sha256()));
    }
    index.commit();
  }
}
