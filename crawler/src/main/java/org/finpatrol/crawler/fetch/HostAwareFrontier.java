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
 * <p>Threads with nothing to do wait here, never in crawler4j's frontier, so every URL is always
 * counted in exactly one place: crawler4j's queue, this window, or a thread's hands.
 */
final class HostAwareFrontier implements Frontier {

  /** URLs taken from crawler4j's queue at a time; enough to see many hosts, cheap to hold. */
  static final int WINDOW = 512;

  private final Frontier queue;
  private final HostPoliteness politeness;
  private final Map<String, ArrayDeque<WebURL>> byHost = new LinkedHashMap<>();
  private final Map<Thread, WebURL> inHand = new HashMap<>();
  private int buffered;

  HostAwareFrontier(Frontier queue, HostPoliteness politeness) {
    this.queue = queue;
    this.politeness = politeness;
  }

  /** A configuration whose frontier is {@code configuration}'s, wrapped in this one. */
  static FrontierConfiguration wrap(
      FrontierConfiguration configuration, HostPoliteness politeness) {
    HostAwareFrontier frontier = new HostAwareFrontier(configuration.getFrontier(), politeness);
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

  @Override
  public void getNextURLs(int max, List<WebURL> result) {
    Thread me = Thread.currentThread();
    synchronized (this) {
      // The thread asks again, so it is done with the URL it had.
      inHand.remove(me);
      while (!queue.isFinished()) {
        if (buffered < WINDOW / 2 && queue.getQueueLength() > 0) {
          // Only this frontier takes from crawler4j's queue, under this lock: a non-empty queue
          // answers at once, and no URL is ever between the two where the counts miss it.
          List<WebURL> fresh = new ArrayList<>();
          queue.getNextURLs(WINDOW - buffered, fresh);
          fresh.forEach(this::add);
        }
        if (buffered > 0) {
          WebURL url = takeSoonestHost();
          inHand.put(me, url);
          result.add(url);
          return;
        }
        try {
          // Woken by schedule() and finish(); the timeout is only a safety net.
          wait(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void add(WebURL url) {
    String host = Urls.host(url.getURL());
    byHost.computeIfAbsent(host == null ? "" : host, h -> new ArrayDeque<>()).add(url);
    buffered++;
  }

  private WebURL takeSoonestHost() {
    ArrayDeque<WebURL> best = null;
    long bestSlot = Long.MAX_VALUE;
    for (ArrayDeque<WebURL> urls : byHost.values()) {
      long slot = politeness.nextFree(urls.peek().getURL());
      if (slot < bestSlot) {
        best = urls;
        bestSlot = slot;
      }
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
    queue.scheduleAll(urls);
    wakeUp();
  }

  @Override
  public void schedule(WebURL url) {
    queue.schedule(url);
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
    inHand.keySet().removeIf(thread -> !thread.isAlive());
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

  @Override
  public void finish() {
    queue.finish();
    wakeUp();
  }
}
