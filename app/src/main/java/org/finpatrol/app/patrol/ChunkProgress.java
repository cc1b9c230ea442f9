package org.finpatrol.app.patrol;

import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress lines of a chunk step (index, classify) about every two seconds: pages done of the run's
 * pages, the rate, the time left at that rate and, for classification, the pages flagged so far;
 * then one line when the step is done. A 30,000-page patrol spends most of a minute in these steps,
 * which would otherwise be silent. A worker's partition, which runs its chunks without a chunk
 * step, drives it by hand ({@link #start}, {@link #afterWrite}, {@link #finish}).
 *
 * @param <O> what the step writes; {@code flagged} says which of those are flagged (null: the step
 *     flags nothing)
 */
final class ChunkProgress<O> implements StepExecutionListener, ItemWriteListener<O> {

  private static final long EVERY_MS = 2000;

  private final String label;
  private final Progress progress;
  private final java.util.function.LongUnaryOperator pagesOfRun;
  private final Predicate<O> flagged;
  private final LongSupplier millis;

  // Written and read by the step's own thread (before/after step, after each chunk's write; the
  // step's write count is only brought up to date when a chunk commits), or the partition's.
  private long done;
  private long total;
  private long startedAt;
  private long lastLine;
  private long flaggedPages;

  ChunkProgress(String label, Progress progress, PatrolStore store, Predicate<O> flagged) {
    this(label, progress, store::pagesWithContent, flagged, System::currentTimeMillis);
  }

  /** Driven by hand: {@link #start} says how many pages there are. */
  ChunkProgress(String label, Progress progress, Predicate<O> flagged) {
    this(
        label,
        progress,
        run -> {
          throw new IllegalStateException(label + ": started by hand, not as a step");
        },
        flagged,
        System::currentTimeMillis);
  }

  /**
   * @param pagesOfRun the number of pages the step will go through, given the run id
   */
  ChunkProgress(
      String label,
      Progress progress,
      java.util.function.LongUnaryOperator pagesOfRun,
      Predicate<O> flagged,
      LongSupplier millis) {
    this.label = label;
    this.progress = progress;
    this.pagesOfRun = pagesOfRun;
    this.flagged = flagged;
    this.millis = millis;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    start(pagesOfRun.applyAsLong(RunIds.of(stepExecution.getJobExecution())));
  }

  /** Starts the clock for {@code pages} pages to go through. */
  void start(long pages) {
    done = 0;
    total = pages;
    startedAt = millis.getAsLong();
    lastLine = startedAt;
    flaggedPages = 0;
  }

  @Override
  public void afterWrite(Chunk<? extends O> chunk) {
    done += chunk.size();
    if (flagged != null) {
      for (O item : chunk) {
        if (flagged.test(item)) {
          flaggedPages++;
        }
      }
    }
    long now = millis.getAsLong();
    if (now - lastLine < EVERY_MS) {
      return;
    }
    lastLine = now;
    double perSecond = done * 1000.0 / Math.max(1, now - startedAt);
    long left = Math.max(0, total - done);
    progress.line(
        label
            + ": "
            + done
            + " of "
            + total
            + " page(s)"
            + flaggedPart()
            + String.format(Locale.ROOT, ", %.1f pages/s", perSecond)
            + (perSecond > 0 && left > 0
                ? ", about " + Math.round(left / perSecond) + " s left"
                : ""));
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    finish();
    return null;
  }

  /** The closing line: time taken, pages and (for classification) pages flagged. */
  void finish() {
    progress.line(
        String.format(
                Locale.ROOT,
                "%s: done in %.1f s, %d page(s)",
                label,
                (millis.getAsLong() - startedAt) / 1000.0,
                done)
            + flaggedPart());
  }

  private String flaggedPart() {
    return flagged == null ? "" : ", " + flaggedPages + " flagged";
  }
}
