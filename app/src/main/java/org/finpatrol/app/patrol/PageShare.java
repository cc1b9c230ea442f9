package org.finpatrol.app.patrol;

import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import org.finpatrol.crawler.PageBudget;

/**
 * One partition's crawl's view of the patrol's shared pages ({@link PartitionPages}): it takes them
 * a block at a time, so the database is asked once every {@value #BLOCK} admitted URLs, not for
 * each; once the pages are all taken it asks again at most every 200 ms (a partition that ends
 * gives its unused pages back). Called from every fetch thread.
 */
final class PageShare implements PageBudget {

  static final int BLOCK = 16;
  static final long ASK_AGAIN_MS = 200;

  private final IntUnaryOperator source;
  private final LongSupplier millis;
  private int held;
  private long askAgainAt;

  /**
   * @param source given how many pages are wanted, takes up to that many from the shared budget and
   *     says how many it took
   */
  PageShare(IntUnaryOperator source, LongSupplier millis) {
    this.source = source;
    this.millis = millis;
  }

  @Override
  public synchronized boolean take() {
    if (held == 0) {
      long now = millis.getAsLong();
      if (now < askAgainAt) {
        return false;
      }
      held = source.applyAsInt(BLOCK);
      if (held <= 0) {
        held = 0;
        askAgainAt = now + ASK_AGAIN_MS;
        return false;
      }
    }
    held--;
    return true;
  }

  /** The pages taken and not used, handed back by the caller; none are held afterwards. */
  synchronized int release() {
    int unused = held;
    held = 0;
    return unused;
  }
}
