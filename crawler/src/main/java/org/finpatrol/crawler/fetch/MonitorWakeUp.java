package org.finpatrol.crawler.fetch;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Wakes crawler4j's monitor thread as soon as the frontier is drained, so a crawl ends when its
 * last page is done instead of at the monitor's next look.
 *
 * <p>crawler4j's controller finds the end of a crawl on a monitor thread that sleeps whole seconds
 * between looks (at least one), so every crawl ended up to a second after its last page: a
 * 3,000-page crawl step on loopback took 3.5–3.6 s before, 2.8–3.1 s after (six runs each,
 * benchmarks/README.md). The monitor's sleep swallows an interrupt and looks at once, and the
 * monitor is the only caller of {@link PatrolCrawler#isNotWaitingForNewURLs}, which is how it is
 * known here.
 *
 * <p>An interrupt must never reach the monitor while it is in Berkeley DB JE, which invalidates its
 * environment when a thread is interrupted in its I/O; the monitor then dies without telling
 * crawler4j's controller, and the crawl never ends (seen once in CI, 2026-12-05: the monitor was
 * rung while it waited for the frontier's lock to count the queue, and the count, a scan of the
 * database, met the interrupt). The monitor touches the database only to count the queue and, after
 * the crawl is finished, to close it. The frontier rings only under its lock while the crawl is not
 * finished, and takes any ring pending on the monitor ({@link #takePending}) under the same lock
 * before it counts, so no ring can come between the two; after a count of zero nothing can ring any
 * more (no thread holds a URL to finish), and the monitor sleeps, which takes an interrupt, before
 * it closes anything.
 */
final class MonitorWakeUp implements Runnable {

  private volatile Thread monitor;
  private final CountDownLatch looked = new CountDownLatch(1);

  /** Called by crawler4j's monitor thread, each time it looks at a crawler thread. */
  void calledByMonitor() {
    if (monitor == null) {
      monitor = Thread.currentThread();
      looked.countDown();
    }
  }

  /**
   * crawler4j's monitor thread, as soon as it has looked at the crawler threads; null if it has not
   * within {@code timeout}.
   */
  Thread awaitThread(Duration timeout) throws InterruptedException {
    looked.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return monitor;
  }

  /**
   * On the monitor thread, takes a wake-up that has not reached its sleep, so that what the monitor
   * does next, counting the frontier's queue in the database, cannot meet it. The count tells the
   * monitor what the wake-up would have: whether the crawl is over. Other threads' interrupts are
   * theirs and are left alone.
   */
  void takePending() {
    if (Thread.currentThread() == monitor) {
      Thread.interrupted();
    }
  }

  /**
   * Wakes the monitor, if it has looked once (a crawl drained before then ends at the first look).
   */
  @Override
  public void run() {
    Thread m = monitor;
    if (m != null) {
      m.interrupt();
    }
  }
}
