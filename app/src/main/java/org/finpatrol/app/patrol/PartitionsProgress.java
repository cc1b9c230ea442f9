package org.finpatrol.app.patrol;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * While the workers run a spread patrol's partitions, the manager says every few seconds how many
 * pages they have stored so far (the manager only polls the job repository; without this its
 * console would be silent for the length of the crawl).
 */
final class PartitionsProgress implements StepExecutionListener {

  private static final long EVERY_SECONDS = 5;

  private final PatrolStore store;
  private final Progress progress;
  private ScheduledExecutorService timer;

  PartitionsProgress(PatrolStore store, Progress progress) {
    this.store = store;
    this.progress = progress;
  }

  @Override
  public void beforeStep(StepExecution step) {
    Long runId = step.getJobParameters().getLong(PatrolJobConfiguration.RUN_ID);
    long started = System.nanoTime();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "partitions-progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            int pages = store.pagesStored(runId);
            progress.line(
                "partitions: "
                    + pages
                    + " page(s) stored by the workers after "
                    + seconds
                    + " s"
                    + (pages == 0 ? " (is a `finpatrol worker` running?)" : ""));
          } catch (RuntimeException e) {
            // A report missed (the database away for a moment) is not worth failing the patrol.
          }
        },
        EVERY_SECONDS,
        EVERY_SECONDS,
        TimeUnit.SECONDS);
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    if (timer != null) {
      timer.shutdownNow();
    }
    return null;
  }
}
