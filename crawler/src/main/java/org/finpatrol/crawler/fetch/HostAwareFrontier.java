package org.finpatrol.crawler.fetch;

import edu.uci.ics.crawler4j.frontier.DocIDServer;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.finpatrol.crawler.PageBudget;
import org.finpatrol.crawler.Urls;

/**
 * crawler4j's frontier, handing each thread one URL of the host that is free soonest.
 *
 * <p>crawler4j hands a thread a batch of URLs in queue order, and the thread fetches them one after
 * the other: at the start of a crawl one thread holds every seed, and with politeness on, a thread
 * whose batch is all one host sleeps out that host's delays while other hosts sit idle. This
 * frontier keeps a window of queued URLs by host and gives each asking thread one URL, of the host
 * whose next polite slot comes first, reserving that slot at once so the next thread is sent
 * elsewhere. Pages are still fetched in crawler4j's order within a host.
 *
 * <p>No host has more than {@code perHost} of its URLs in threads' hands at once: a slow host (or,
 * with politeness 0, any host) cannot take every thread while the other hosts wait. A thread that
 * finds only hosts at their budget waits until one of their URLs is done, taking more of
 * crawler4j's queue into the window first (up to {@link #MAX_WINDOW}) in case other hosts are
 * further back.
 *
 * <p>Threads with nothing to do wait here, never in crawler4j's frontier, so every URL is always
 * counted in exactly one place: crawler4j's queue, this window, or a thread's hands.
 */
final class HostAwareFrontier implements Frontier {

  /** URLs taken from crawler4j's queue at a time; enough to see many hosts, cheap to hold. */
  static final int WINDOW = 512;

  /** The window grows to this when every host in it is at its thread budget. */
  static final int MAX_WINDOW = 16 * WINDOW;

  private final Frontier queue;
  private final HostPoliteness politeness;
  private final Map<String, ArrayDeque<WebURL>> byHost = new LinkedHashMap<>();
  private final Map<Thread, String> inHand = new HashMap<>();
  private final Map<String, Integer> inHandPerHost = new HashMap<>();
  private final int perHost;
  private final PageBudget budget;
  private final Runnable overBudget;
  private Runnable drained = () -> {};
  private Runnable beforeCounting = () -> {};
  private Consumer<RuntimeException> failed = e -> {};
  private int buffered;

  HostAwareFrontier(Frontier queue, HostPoliteness politeness, int perHost) {
    this(queue, politeness, perHost, PageBudget.UNLIMITED, () -> {});
  }

  /**
   * As above; every URL scheduled (seeds too) first takes a page of {@code budget}, shared with
   * crawls elsewhere, and one refused for it is dropped and reported to {@code overBudget}. Taken
   * here, after crawler4j's own checks (robots.txt, seen before), a page is never spent on a URL
   * that is not fetched.
   */
  HostAwareFrontier(
      Frontier queue,
      HostPoliteness politeness,
      int perHost,
      PageBudget budget,
      Runnable overBudget) {
    if (perHost < 1) {
      throw new IllegalArgumentException("threads per host must be at least 1, got " + perHost);
    }
    this.queue = queue;
    this.politeness = politeness;
    this.perHost = perHost;
    this.budget = budget;
    this.overBudget = overBudget;
  }

  /**
   * A configuration whose frontier is {@code configuration}'s, wrapped in this one, which rings
   * {@code monitor} when it is {@linkplain #whenDrained drained} and takes a pending ring before
   * the monitor counts the queue ({@link #beforeCounting}), and tells {@code failed} when
   * crawler4j's queue fails ({@link #whenFailed}).
   */
  static FrontierConfiguration wrap(
      FrontierConfiguration configuration,
      HostPoliteness politeness,
      int perHost,
      PageBudget budget,
      Runnable overBudget,
      MonitorWakeUp monitor,
      Consumer<RuntimeException> failed) {
    HostAwareFrontier frontier =
        new HostAwareFrontier(configuration.getFrontier(), politeness, perHost, budget, overBudget);
    frontier.whenDrained(monitor);
    frontier.whenFailed(failed);
    frontier.beforeCounting(monitor::takePending);
    return new FrontierConfiguration() {
      @Override
      public DocIDServer getDocIDServer() {
        return configuration.getDocIDServer();
      }

      @Override
      public Frontier getFrontier() {
        return frontier;
      }

      @Override
      public WebURLFactory getWebURLFactory() {
        return configuration.getWebURLFactory();
      }

      @Override
      public void close() {
        configuration.close();
      }
    };
  }

  /**
   * Runs {@code action}, under this frontier's lock, when the thread that had the last URL of the
   * crawl asks for another: nothing queued, in the window or in a thread's hands, and the crawl not
   * finished. Nothing can be scheduled after that (only a thread working on a URL schedules), so
   * the crawl is over; the action must not block.
   */
  synchronized void whenDrained(Runnable action) {
    this.drained = action;
  }

  /**
   * Runs {@code action}, under this frontier's lock, when crawler4j's queue fails to hand out URLs;
   * the frontier then finishes the crawl. The action must not block.
   */
  synchronized void whenFailed(Consumer<RuntimeException> action) {
    this.failed = action;
  }

  /**
   * Runs {@code action} under this frontier's lock at the start of each {@link #getQueueLength},
   * before crawler4j's queue is counted: the place to take a drained ring that reached crawler4j's
   * monitor while it waited for this lock, before the count (a scan of Berkeley DB, which an
   * interrupt breaks for good) meets it. See {@link MonitorWakeUp}.
   */
  synchronized void beforeCounting(Runnable action) {
    this.beforeCounting = action;
  }

  @Override
  public void getNextURLs(int max, List<WebURL> result) {
    Thread me = Thread.currentThread();
    synchronized (this) {
      // The thread asks again, so it is done with the URL it had: its host may take another.
      if (release(me)) {
        notifyAll();
        // crawler4j's queue is counted (a scan of its database) only once the rest is empty.
        if (inHand.isEmpty()
            && buffered == 0
            && !queue.isFinished()
            && queue.getQueueLength() == 0) {
          drained.run();
        }
      }
      while (!queue.isFinished()) {
        if (buffered < WINDOW / 2 && queue.getQueueLength() > 0) {
          // Only this frontier takes from crawler4j's queue, under this lock: a non-empty queue
          // answers at once, and no URL is ever between the two where the counts miss it.
          takeFromQueue(WINDOW - buffered);
        }
        WebURL url = buffered > 0 ? takeSoonestHost() : null;
        while (url == null
            && buffered > 0
            && buffered <= MAX_WINDOW - WINDOW
            && !queue.isFinished()
            && queue.getQueueLength() > 0) {
          // Every host in the window is at its budget; others may be further back in the queue.
          // A window's worth at a time: crawler4j counts its queue by scanning its database, and
          // its getNextURLs waits (under this lock) when the queue is empty, hence the count.
          int before = buffered;
          takeFromQueue(WINDOW);
          if (buffered == before) {
            break;
          }
          url = takeSoonestHost();
        }
        if (url == null && releaseDeadThreads()) {
          // A thread died holding a URL: its host's share is free again.
          url = buffered > 0 ? takeSoonestHost() : null;
        }
        if (url != null) {
          String host = hostOf(url);
          inHand.put(me, host);
          inHandPerHost.merge(host, 1, Integer::sum);
          result.add(url);
          return;
        }
        try {
          // Woken by schedule(), finish() and a thread that is done with a URL; the timeout is
          // only a safety net.
          wait(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void takeFromQueue(int max) {
    List<WebURL> fresh = new ArrayList<>();
    try {
      queue.getNextURLs(max, fresh);
    } catch (RuntimeException e) {
      // crawler4j's queue is a Berkeley DB database; one that fails (a full disk, an I/O error)
      // hands out no more URLs. The crawl ends, with the reason, instead of waiting for URLs that
      // cannot come; those still queued are not fetched.
      failed.accept(e);
      finish();
      return;
    }
    fresh.forEach(this::add);
  }

  /** Forgets what dead threads had in hand; true when there were some. */
  private boolean releaseDeadThreads() {
    boolean any = false;
    for (Thread thread : List.copyOf(inHand.keySet())) {
      if (!thread.isAlive()) {
        any |= release(thread);
      }
    }
    return any;
  }

  /** Forgets what {@code thread} had in hand; true when it had something. */
  private boolean release(Thread thread) {
    String host = inHand.remove(thread);
    if (host == null) {
      return false;
    }
    inHandPerHost.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
    return true;
  }

  private static String hostOf(WebURL url) {
    String host = Urls.host(url.getURL());
    return host == null ? "" : host;
  }

  private void add(WebURL url) {
    byHost.computeIfAbsent(hostOf(url), h -> new ArrayDeque<>()).add(url);
    buffered++;
  }

  /** A URL of the host free soonest among those under their thread budget; null if none is. */
  private WebURL takeSoonestHost() {
    ArrayDeque<WebURL> best = null;
    long bestSlot = Long.MAX_VALUE;
    for (Map.Entry<String, ArrayDeque<WebURL>> e : byHost.entrySet()) {
      if (inHandPerHost.getOrDefault(e.getKey(), 0) >= perHost) {
        continue;
      }
      long slot = politeness.nextFree(e.getValue().peek().getURL());
      if (slot < bestSlot) {
        best = e.getValue();
        bestSlot = slot;
      }
    }
    if (best == null) {
      return null;
    }
    WebURL url = best.poll();
    buffered--;
    if (best.isEmpty()) {
      for (Iterator<ArrayDeque<WebURL>> it = byHost.values().iterator(); it.hasNext(); ) {
        if (it.next().isEmpty()) {
          it.remove();
        }
      }
    }
    politeness.reserveFor(url.getURL());
    return url;
  }

  @Override
  public void scheduleAll(List<WebURL> urls) {
    if (budget == PageBudget.UNLIMITED) {
      queue.scheduleAll(urls);
    } else {
      List<WebURL> within = new java.util.ArrayList<>(urls.size());
      for (WebURL url : urls) {
        if (budget.take()) {
          within.add(url);
        } else {
          overBudget.run();
        }
      }
      queue.scheduleAll(within);
    }
    wakeUp();
  }

  @Override
  public void schedule(WebURL url) {
    if (budget.take()) {
      queue.schedule(url);
    } else {
      overBudget.run();
    }
    wakeUp();
  }

  private synchronized void wakeUp() {
    notifyAll();
  }

  @Override
  public void setProcessed(WebURL url) {
    queue.setProcessed(url);
  }

  /**
   * Queued URLs, counting those in this frontier's window and those a live thread is still working
   * on: crawler4j ends a crawl when every thread waits and this is zero, and with these counted
   * that is exact, so it need not wait and check again.
   */
  @Override
  public synchronized long getQueueLength() {
    beforeCounting.run();
    if (releaseDeadThreads()) {
      notifyAll();
    }
    return queue.getQueueLength() + buffered + inHand.size();
  }

  @Override
  public long getNumberOfAssignedPages() {
    return queue.getNumberOfAssignedPages();
  }

  @Override
  public long getNumberOfProcessedPages() {
    return queue.getNumberOfProcessedPages();
  }

  @Override
  public long getNumberOfScheduledPages() {
    return queue.getNumberOfScheduledPages();
  }

  @Override
  public boolean isFinished() {
    return queue.isFinished();
  }

  @Override
  public void close() {
    queue.close();
  }

  /** Under this frontier's lock, so that it is never drained after the crawl is finished. */
  @Override
  public synchronized void finish() {
    queue.finish();
    notifyAll();
  }
}
