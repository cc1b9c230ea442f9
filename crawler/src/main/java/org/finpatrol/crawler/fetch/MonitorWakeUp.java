package org.finpatrol.crawler.fetch;

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
 * <p>An interrupt must never reach the monitor while it closes the frontier's database: Berkeley DB
 * JE invalidates its environment when a thread is interrupted in its I/O. It cannot: the frontier
 * rings only while the crawl is not finished, under the same lock as its {@code finish}, and when
 * it has just become empty, before anyone can see it empty; the monitor finishes a crawl only after
 * seeing it empty (or after calling {@code finish} on a shutdown), and sleeps, which takes the
 * interrupt, before it closes anything.
 */
final class MonitorWakeUp implements Runnable {

  private volatile Thread monitor;

  /** Called by crawler4j's monitor thread, each time it looks at a crawler thread. */
  void calledByMonitor() {
    if (monitor == null) {
      monitor = Thread.currentThread();
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
