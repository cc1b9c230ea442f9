package org.finpatrol.crawler.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.TLDList;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * crawler4j's controller, with a wait for the end of a crawl that ends when crawler4j's monitor
 * thread dies.
 *
 * <p>crawler4j finds the end of a crawl on a monitor thread, which wakes the waiting caller when it
 * is done. When the monitor meets an error (a failing frontier database, say), crawler4j logs
 * "Unexpected Error" and the thread ends without waking anyone, so its own {@code waitUntilFinish}
 * waits for ever and the patrol with it. {@link #crawl} notices the dead monitor instead, stops the
 * crawler threads and throws.
 */
public final class PatrolCrawlController extends CrawlController {

  private static final Logger log = LoggerFactory.getLogger(PatrolCrawlController.class);

  /** How long a monitor may take to show itself before its absence means it died at once. */
  private static final Duration FIRST_LOOK = Duration.ofSeconds(10);

  /** How long the crawler threads may take to finish their pages once a dead monitor is found. */
  private static final Duration LAST_PAGES = Duration.ofSeconds(60);

  private final MonitorWakeUp monitor;

  PatrolCrawlController(
      CrawlConfig config,
      BasicURLNormalizer normalizer,
      PageFetcher fetcher,
      Parser parser,
      RobotstxtServer robots,
      TLDList tlds,
      FrontierConfiguration frontier,
      MonitorWakeUp monitor)
      throws Exception {
    super(config, normalizer, fetcher, parser, robots, tlds, frontier);
    this.monitor = monitor;
  }

  /**
   * Crawls with {@code threads} crawler threads from {@code factory} and returns when the crawl is
   * over, as crawler4j's blocking {@code start} does.
   *
   * @throws IOException when crawler4j's monitor thread ended without finishing the crawl (its
   *     error is in the log); the crawler threads are stopped and the frontier closed first
   * @throws InterruptedException when the waiting thread was interrupted (a server shutting down):
   *     the crawl is stopped as on a stop request, its threads finish the pages in hand and the
   *     frontier is closed before this is thrown
   */
  public <T extends WebCrawler> void crawl(WebCrawlerFactory<T> factory, int threads)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    boolean interrupted = false;
    List<WebCrawler> crawlers = new CopyOnWriteArrayList<>();
    startNonBlocking(
        () -> {
          T crawler = factory.newInstance();
          crawlers.add(crawler);
          return crawler;
        },
        threads);
    // Wait for the monitor thread to end, not on crawler4j's lock: the monitor holds that lock for
    // as long as it lives, so a thread waiting to take it could not even be interrupted. A thread's
    // end makes everything it did visible to whoever sees it ended, 'finished' included.
    while (true) {
      try {
        Duration left = FIRST_LOOK.minusNanos(System.nanoTime() - started);
        Thread thread = monitor.awaitThread(left.isNegative() ? Duration.ZERO : left);
        if (thread != null) {
          thread.join();
        } // else it never looked at the crawler threads: it died at once
        break;
      } catch (InterruptedException e) {
        if (!interrupted) {
          interrupted = true;
          // crawler4j's own wait ignores an interrupt and lets the crawl run on; left so, its
          // threads (not daemons) would hold a stopping server up until the crawl's end.
          log.info("interrupted: stopping the crawl");
          shutdown();
        }
      }
    }
    if (!finished) {
      stopAfterMonitorDied(crawlers);
      throw new IOException(
          "the crawl stopped: crawler4j's monitor thread ended without finishing it"
              + " (its error is logged just before, as 'Unexpected Error')");
    }
    if (interrupted) {
      throw new InterruptedException("interrupted while crawling; the crawl was stopped");
    }
  }

  private void stopAfterMonitorDied(List<WebCrawler> crawlers) throws InterruptedException {
    shutdown(); // the crawler threads get no more URLs and end, after the pages in hand
    long deadline = System.nanoTime() + LAST_PAGES.toNanos();
    for (WebCrawler crawler : crawlers) {
      Thread thread = crawler.getThread();
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (thread != null && left > 0) {
        thread.join(left); // closing the frontier under a thread still at work would fail it
      }
    }
    closeQuietly("frontier", frontier::close);
    closeQuietly("document ids", docIdServer::close);
    closeQuietly("frontier configuration", frontierConfiguration::close);
  }

  private static void closeQuietly(String what, Runnable close) {
    try {
      close.run();
    } catch (RuntimeException e) {
      // The monitor died of this database's failure, most likely: closing it may fail as well.
      log.warn("the crawl's {} could not be closed after its monitor died", what, e);
    }
  }
}
