package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import edu.uci.ics.crawler4j.frontier.DocIDServer;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import edu.uci.ics.crawler4j.url.WebURLImpl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostAwareFrontierTest {

  /** crawler4j's queue in memory, in the order URLs were scheduled. */
  private static class Queue implements Frontier {
    final ArrayDeque<WebURL> urls = new ArrayDeque<>();
    volatile boolean finished;

    @Override
    public synchronized void scheduleAll(List<WebURL> list) {
      urls.addAll(list);
    }

    @Override
    public synchronized void schedule(WebURL url) {
      urls.add(url);
    }

    @Override
    public synchronized void getNextURLs(int max, List<WebURL> result) {
      // Like crawler4j's: a finished queue hands out nothing, whatever it still holds.
      while (!finished && result.size() < max && !urls.isEmpty()) {
        result.add(urls.poll());
      }
    }

    @Override
    public void setProcessed(WebURL url) {}

    @Override
    public synchronized long getQueueLength() {
      // crawler4j's queue counts by scanning Berkeley DB, which an interrupt breaks for good.
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted while counting in the database");
      }
      return urls.size();
    }

    @Override
    public long getNumberOfAssignedPages() {
      return 0;
    }

    @Override
    public long getNumberOfProcessedPages() {
      return 0;
    }

    @Override
    public long getNumberOfScheduledPages() {
      return 0;
    }

    @Override
    public boolean isFinished() {
      return finished;
    }

    @Override
    public void close() {}

    @Override
    public void finish() {
      finished = true;
    }
  }

  private final Queue queue = new Queue();
  private final HostAwareFrontier frontier =
      new HostAwareFrontier(queue, new HostPoliteness(1000), 4);

  private static WebURL url(String url) {
    WebURLImpl webUrl = new WebURLImpl();
    webUrl.setURL(url);
    return webUrl;
  }

  private String next() {
    List<WebURL> result = new ArrayList<>();
    frontier.getNextURLs(50, result);
    assertThat(result).hasSize(1);
    return result.get(0).getURL();
  }

  private CompletableFuture<List<WebURL>> askInAnotherThread() {
    return CompletableFuture.supplyAsync(
        () -> {
          List<WebURL> result = new ArrayList<>();
          frontier.getNextURLs(50, result);
          return result;
        });
  }

  @Test
  void eachScheduledUrlTakesAPageOfASharedBudgetAndOneRefusedIsDropped() {
    java.util.concurrent.atomic.AtomicInteger left =
        new java.util.concurrent.atomic.AtomicInteger(3);
    java.util.concurrent.atomic.AtomicInteger refused =
        new java.util.concurrent.atomic.AtomicInteger();
    HostAwareFrontier shared =
        new HostAwareFrontier(
            queue,
            new HostPoliteness(0),
            4,
            () -> left.getAndUpdate(n -> Math.max(0, n - 1)) > 0,
            refused::incrementAndGet);
    shared.schedule(url("http://licai.test/")); // a seed
    shared.scheduleAll(
        List.of(
            url("http://licai.test/1"),
            url("http://daikuan.test/1"),
            url("http://daikuan.test/2"),
            url("http://licai.test/2")));
    assertThat(queue.urls)
        .extracting(WebURL::getURL)
        .containsExactly("http://licai.test/", "http://licai.test/1", "http://daikuan.test/1");
    assertThat(refused.get()).isEqualTo(2);
    shared.schedule(url("http://daikuan.test/"));
    assertThat(queue.urls).hasSize(3);
    assertThat(refused.get()).isEqualTo(3);
  }

  @Test
  void handsOutOneUrlOfTheHostThatIsFreeSoonest() {
    // crawler4j's queue order: every page of the first platform before the second's.
    frontier.scheduleAll(
        List.of(
            url("http://licai.test/1"),
            url("http://licai.test/2"),
            url("http://licai.test/3"),
            url("http://daikuan.test/1"),
            url("http://daikuan.test/2")));

    List<String> order = List.of(next(), next(), next(), next(), next());

    // Each host is reserved as its URL is handed out, so the hosts alternate, each in its order.
    assertThat(order)
        .containsExactly(
            "http://licai.test/1",
            "http://daikuan.test/1",
            "http://licai.test/2",
            "http://daikuan.test/2",
            "http://licai.test/3");
  }

  @Test
  void countsUrlsInItsWindowAndInThreadsHandsAsQueued() {
    frontier.scheduleAll(List.of(url("http://licai.test/1"), url("http://licai.test/2")));
    assertThat(frontier.getQueueLength()).isEqualTo(2);

    next();
    // One in this thread's hands, one in the window: the crawl is not over.
    assertThat(queue.getQueueLength()).isZero();
    assertThat(frontier.getQueueLength()).isEqualTo(2);

    next();
    assertThat(frontier.getQueueLength()).isEqualTo(1);
  }

  @Test
  void aWaitingThreadIsWokenByNewUrlsAndByTheEndOfTheCrawl() throws Exception {
    CompletableFuture<List<WebURL>> waiting = askInAnotherThread();
    Thread.sleep(100);
    assertThat(waiting).isNotDone();
    frontier.schedule(url("http://licai.test/new"));
    assertThat(waiting.get(5, TimeUnit.SECONDS))
        .extracting(WebURL::getURL)
        .containsExactly("http://licai.test/new");

    CompletableFuture<List<WebURL>> last = askInAnotherThread();
    Thread.sleep(100);
    frontier.finish();
    assertThat(last.get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void aHostAtItsThreadBudgetWaitsWhileOtherHostsAreServed() throws Exception {
    HostAwareFrontier oneEach = new HostAwareFrontier(queue, new HostPoliteness(0), 1);
    oneEach.scheduleAll(
        List.of(
            url("http://slow.test/1"),
            url("http://slow.test/2"),
            url("http://slow.test/3"),
            url("http://fast.test/1")));

    List<WebURL> first = new ArrayList<>();
    oneEach.getNextURLs(50, first); // this thread holds slow.test/1 ...
    var secondThread = java.util.concurrent.Executors.newSingleThreadExecutor();
    // ... so another thread is sent to the other host, though slow.test came first,
    assertThat(askIn(oneEach, secondThread).get(5, TimeUnit.SECONDS))
        .extracting(WebURL::getURL)
        .containsExactly("http://fast.test/1");
    // and a third, with only slow.test left, waits: slow.test has its one thread.
    CompletableFuture<List<WebURL>> third =
        askIn(oneEach, java.util.concurrent.Executors.newSingleThreadExecutor());
    Thread.sleep(200);
    assertThat(third).isNotDone();

    // Done with slow.test/1, this thread may take the next of slow.test; the third still waits,
    List<WebURL> next = new ArrayList<>();
    oneEach.getNextURLs(50, next);
    assertThat(next).extracting(WebURL::getURL).containsExactly("http://slow.test/2");
    // as does the second once done with fast.test/1.
    CompletableFuture<List<WebURL>> secondAgain = askIn(oneEach, secondThread);
    Thread.sleep(200);
    assertThat(third).isNotDone();
    assertThat(secondAgain).isNotDone();
    assertThat(oneEach.getQueueLength()).as("slow.test/3, and slow.test/2 in hand").isEqualTo(2);

    // Done with slow.test/2, this thread takes slow.test/3; at the end of the crawl the waiting
    // threads get nothing: nothing was handed out twice.
    List<WebURL> last = new ArrayList<>();
    oneEach.getNextURLs(50, last);
    oneEach.finish();
    List<String> handedOut = new ArrayList<>();
    last.forEach(u -> handedOut.add(u.getURL()));
    for (var f : List.of(third, secondAgain)) {
      f.get(5, TimeUnit.SECONDS).forEach(u -> handedOut.add(u.getURL()));
    }
    assertThat(handedOut).containsExactly("http://slow.test/3");
  }

  @Test
  void hostsFurtherBackInTheQueueAreFoundWhenTheWindowIsAllOneBusyHost() throws Exception {
    HostAwareFrontier oneEach = new HostAwareFrontier(queue, new HostPoliteness(0), 1);
    List<WebURL> urls = new ArrayList<>();
    for (int i = 0; i < HostAwareFrontier.WINDOW * 2; i++) {
      urls.add(url("http://big.test/" + i));
    }
    urls.add(url("http://small.test/1"));
    oneEach.scheduleAll(urls);

    oneEach.getNextURLs(50, new ArrayList<>()); // big.test/0 in this thread's hands
    assertThat(
            askIn(oneEach, java.util.concurrent.Executors.newSingleThreadExecutor())
                .get(5, TimeUnit.SECONDS))
        .extracting(WebURL::getURL)
        .containsExactly("http://small.test/1");
    assertThat(oneEach.getQueueLength()).isEqualTo(HostAwareFrontier.WINDOW * 2 + 1);
  }

  private static CompletableFuture<List<WebURL>> askIn(
      HostAwareFrontier frontier, java.util.concurrent.Executor thread) {
    return CompletableFuture.supplyAsync(
        () -> {
          List<WebURL> result = new ArrayList<>();
          frontier.getNextURLs(50, result);
          return result;
        },
        thread);
  }

  @Test
  void theEndOfTheCrawlReachesAThreadWaitingForABusyHost() throws Exception {
    HostAwareFrontier oneEach = new HostAwareFrontier(queue, new HostPoliteness(0), 1);
    List<WebURL> urls = new ArrayList<>();
    for (int i = 0; i < HostAwareFrontier.MAX_WINDOW + 2 * HostAwareFrontier.WINDOW; i++) {
      urls.add(url("http://big.test/" + i));
    }
    oneEach.scheduleAll(urls);
    oneEach.getNextURLs(50, new ArrayList<>()); // big.test/0 in this thread's hands

    CompletableFuture<List<WebURL>> waiting =
        askIn(oneEach, java.util.concurrent.Executors.newSingleThreadExecutor());
    Thread.sleep(200);
    assertThat(waiting).isNotDone();
    oneEach.finish(); // crawler4j's queue still holds URLs, but hands out none now
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void isDrainedWhenTheThreadWithTheLastUrlAsksAgainAndNotBefore() throws Exception {
    java.util.concurrent.atomic.AtomicInteger rings =
        new java.util.concurrent.atomic.AtomicInteger();
    frontier.whenDrained(rings::incrementAndGet);
    frontier.scheduleAll(List.of(url("http://licai.test/1"), url("http://daikuan.test/1")));
    var crawlerThread = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      // Each ask hands back the URL the thread had; one is still in the window, then in hand.
      assertThat(askIn(frontier, crawlerThread).get(5, TimeUnit.SECONDS)).hasSize(1);
      assertThat(askIn(frontier, crawlerThread).get(5, TimeUnit.SECONDS)).hasSize(1);
      assertThat(rings).hasValue(0);
      // A thread that held nothing asking is not the end either: the last URL is still in hand.
      CompletableFuture<List<WebURL>> idle = askInAnotherThread();
      Thread.sleep(100);
      assertThat(rings).hasValue(0);

      CompletableFuture<List<WebURL>> last = askIn(frontier, crawlerThread);
      for (int i = 0; i < 50 && rings.get() == 0; i++) {
        Thread.sleep(20);
      }
      assertThat(rings).hasValue(1);
      assertThat(last).isNotDone(); // it waits for the crawl's end, as before
      frontier.finish();
      assertThat(last.get(5, TimeUnit.SECONDS)).isEmpty();
      assertThat(idle.get(5, TimeUnit.SECONDS)).isEmpty();
      assertThat(rings).hasValue(1);
    } finally {
      crawlerThread.shutdownNow();
    }
  }

  @Test
  void aCrawlStoppedEarlyIsNotDrainedWhenItsLastThreadLetsGo() throws Exception {
    java.util.concurrent.atomic.AtomicInteger rings =
        new java.util.concurrent.atomic.AtomicInteger();
    frontier.whenDrained(rings::incrementAndGet);
    frontier.schedule(url("http://licai.test/1"));
    next(); // in this thread's hands
    frontier.finish(); // a shutdown: crawler4j's monitor may be closing the frontier already
    List<WebURL> after = new ArrayList<>();
    frontier.getNextURLs(50, after);
    assertThat(after).isEmpty();
    assertThat(rings).hasValue(0);
  }

  @Test
  void aRingThatReachesTheMonitorWhileItWaitsToCountNeverReachesTheDatabase() throws Exception {
    MonitorWakeUp wakeUp = new MonitorWakeUp();
    FrontierConfiguration wrapped =
        HostAwareFrontier.wrap(
            new FrontierConfiguration() {
              @Override
              public DocIDServer getDocIDServer() {
                return null;
              }

              @Override
              public Frontier getFrontier() {
                return queue;
              }

              @Override
              public WebURLFactory getWebURLFactory() {
                return null;
              }

              @Override
              public void close() {}
            },
            new HostPoliteness(0),
            4,
            org.finpatrol.crawler.PageBudget.UNLIMITED,
            () -> {},
            wakeUp,
            e -> {});
    Frontier frontier = wrapped.getFrontier();
    frontier.schedule(url("http://licai.test/1"));
    java.util.concurrent.atomic.AtomicLong counted = new java.util.concurrent.atomic.AtomicLong(-1);
    java.util.concurrent.atomic.AtomicReference<Throwable> failed =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CountDownLatch looked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch count = new java.util.concurrent.CountDownLatch(1);
    Thread monitor =
        new Thread(
            () -> {
              wakeUp.calledByMonitor();
              looked.countDown();
              try {
                count.await();
                counted.set(frontier.getQueueLength());
              } catch (Throwable e) {
                failed.set(e);
              }
            });
    monitor.start();
    assertThat(looked.await(5, TimeUnit.SECONDS)).isTrue();
    synchronized (frontier) { // a crawler thread holds the lock, as when it finds the crawl drained
      count.countDown();
      for (int i = 0; i < 250 && monitor.getState() != Thread.State.BLOCKED; i++) {
        Thread.sleep(20);
      }
      assertThat(monitor.getState()).isEqualTo(Thread.State.BLOCKED);
      wakeUp.run(); // the ring, while the monitor waits for the lock to count
    }
    monitor.join(5_000);
    assertThat(failed.get()).isNull();
    assertThat(counted).hasValue(1);
  }

  @Test
  void aQueueThatFailsEndsTheCrawlWithTheReasonInsteadOfLeavingThreadsWaiting() {
    java.util.concurrent.atomic.AtomicReference<RuntimeException> reason =
        new java.util.concurrent.atomic.AtomicReference<>();
    Queue failing =
        new Queue() {
          @Override
          public synchronized void getNextURLs(int max, List<WebURL> result) {
            throw new IllegalStateException("disk limit violated"); // as Berkeley DB's would
          }
        };
    HostAwareFrontier broken = new HostAwareFrontier(failing, new HostPoliteness(0), 4);
    broken.whenFailed(reason::set);
    broken.schedule(url("http://licai.test/1"));
    List<WebURL> got = new ArrayList<>();
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(10), () -> broken.getNextURLs(50, got));
    assertThat(got).isEmpty();
    assertThat(reason.get()).hasMessage("disk limit violated");
    assertThat(broken.isFinished()).isTrue();
  }
}
