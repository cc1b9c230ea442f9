package org.finpatrol.app.patrol;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code beat} every {@code every} from now until closed: a patrol touching its run, a worker
 * touching its partition, so another process can tell a live one from a dead one.
 */
final class Heartbeat implements AutoCloseable {

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "patrol-heartbeat");
            t.setDaemon(true);
            return t;
          });
  private final Duration every;

  Heartbeat(Runnable beat, Duration every) {
    this.every = every;
    timer.scheduleAtFixedRate(
        () -> {
          try {
            beat.run();
          } catch (RuntimeException e) {
            // The database is away for a moment; the next beat tries again.
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    // Never interrupt a beat: an interrupted JDBC call can leave its connection unusable.
    timer.shutdown();
    try {
      timer.awaitTermination(every.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
