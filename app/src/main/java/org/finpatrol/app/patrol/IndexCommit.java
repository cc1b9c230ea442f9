package org.finpatrol.app.patrol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.finpatrol.indexer.PageIndex;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Commits the index once its chunk's pages are in it ({@link IndexProcessor}), before the step
 * records the chunk as done: pages are searchable as soon as their chunk is, and a chunk recorded
 * as done is always in the index.
 *
 * <p>Each thread that indexed pages left them in a buffer of its own; a commit writes the buffers
 * out one after another on the committing thread, a fifth of the index step's time while the
 * chunk's threads wait. They write them out first, side by side.
 */
final class IndexCommit implements ItemWriter<StoredPage> {

  private final PageIndex index;
  private final PatrolResources.Workers workers;

  IndexCommit(PageIndex index, PatrolResources.Workers workers) {
    this.index = index;
    this.workers = workers;
  }

  @Override
  public void write(Chunk<? extends StoredPage> pages) throws IOException {
    flushSideBySide(index, workers.executor(), workers.threads());
    index.commit();
  }

  /** Writes the index's buffers out on {@code threadCount} of {@code threads}, then returns. */
  static void flushSideBySide(
      PageIndex index, java.util.concurrent.Executor threads, int threadCount) throws IOException {
    List<CompletableFuture<Void>> flushes = new ArrayList<>();
    for (int i = 0; i < threadCount; i++) {
      flushes.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  while (index.flushNextBuffer()) {
                    // one buffer written; take the next
                  }
                } catch (IOException e) {
                  throw new CompletionException(e);
                }
              },
              threads));
    }
    try {
      CompletableFuture.allOf(flushes.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }
}
