package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.frontier.DocIDServer;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.finpatrol.crawler.PageBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crawler4j's controller and threads for real: a frontier database that fails, an interrupt. */
class PatrolCrawlControllerIT {

  @TempDir Path work;

  private final MonitorWakeUp monitor = new MonitorWakeUp();

  @Test
  void aCrawlWhoseMonitorDiesEndsWithAnErrorInsteadOfWaitingForEver() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          CrawlConfig config = config();
          FrontierConfiguration real =
              new Crawler4jParts(0).frontier(config, 1, PageBudget.UNLIMITED, () -> {});
          // Counting the queue fails, as Berkeley DB does once its environment is invalid;
          // crawler4j's monitor counts when no thread is working, here at its first look (no seed).
          PatrolCrawlController controller = controller(config, failingToCount(real));

          long started = System.nanoTime();
          assertThatThrownBy(() -> controller.crawl(this::crawler, 2))
              .isInstanceOf(IOException.class)
              .hasMessageContaining("monitor thread ended without finishing");
          // Ended before the frontier was closed under them, not merely told to end.
          assertThat(crawlerThreadsAlive()).isZero();
          // Noticed within a look or two of the monitor's death, not after the wait for a monitor
          // that never showed itself.
          assertThat(Duration.ofNanos(System.nanoTime() - started))
              .isLessThan(Duration.ofSeconds(8));
        });
  }

  @Test
  void anInterruptedCrawlIsStoppedAndItsThreadsEndBeforeTheWaitEnds() throws Exception {
    // Pages of 2 s each, every one linking to the next: the crawl would never end by itself.
    HttpServer slow =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    slow.createContext(
        "/",
        exchange -> {
          try (exchange) {
            Thread.sleep(2_000);
            String path = exchange.getRequestURI().getPath();
            int next = path.startsWith("/p/") ? Integer.parseInt(path.substring(3)) + 1 : 1;
            byte[] body =
                ("<html><body><p>理财第"
                        + next
                        + "期</p><a href=\"/p/"
                        + next
                        + "\">下一期</a></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    slow.setExecutor(Executors.newCachedThreadPool());
    slow.start();
    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            CrawlConfig config = config();
            FrontierConfiguration frontier =
                new Crawler4jParts(0).frontier(config, 1, PageBudget.UNLIMITED, () -> {});
            PatrolCrawlController controller = controller(config, frontier);
            controller.addSeed("http://127.0.0.1:" + slow.getAddress().getPort() + "/p/0");
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            Thread patrol =
                new Thread(
                    () -> {
                      try {
                        controller.crawl(this::crawler, 2);
                        ended.complete(null);
                      } catch (Throwable e) {
                        ended.complete(e);
                      }
                    });
            patrol.start();
            Thread.sleep(3_000); // a page or two in
            long interruptedAt = System.nanoTime();
            patrol.interrupt(); // a server shutting down
            Throwable thrown = ended.get(30, TimeUnit.SECONDS);
            assertThat(thrown).isInstanceOf(InterruptedException.class);
            // The page in hand is finished (up to 2 s), no further one is started.
            assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt))
                .isLessThan(Duration.ofSeconds(8));
            assertThat(controller.isFinished()).isTrue(); // the frontier was closed
            assertCrawlerThreadsEnd();
          });
    } finally {
      slow.stop(0);
    }
  }

  private CrawlConfig config() {
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(work.toString());
    config.setResumableCrawling(false);
    config.setPolitenessDelay(0);
    config.setHaltOnError(false);
    config.setThreadMonitoringDelaySeconds(1);
    config.setThreadShutdownDelaySeconds(0);
    config.setCleanupDelaySeconds(0);
    config.setSocketTimeout(120_000);
    return config;
  }

  private PatrolCrawlController controller(CrawlConfig config, FrontierConfiguration frontier)
      throws Exception {
    BasicURLNormalizer normalizer = Crawler4jParts.normalizer();
    PageFetcher fetcher = new PageFetcher(config, normalizer);
    RobotstxtConfig robots = new RobotstxtConfig();
    robots.setEnabled(false);
    TLDList tlds = new TLDList(config);
    return new PatrolCrawlController(
        config,
        normalizer,
        fetcher,
        new Crawler4jParts(0).parser(config, normalizer, frontier.getWebURLFactory(), tlds),
        new RobotstxtServer(robots, fetcher, frontier.getWebURLFactory()),
        tlds,
        frontier,
        monitor);
  }

  /** A crawler thread that lets the monitor be known, as PatrolCrawler does. */
  private WebCrawler crawler() {
    return new WebCrawler() {
      @Override
      public boolean isNotWaitingForNewURLs() {
        monitor.calledByMonitor();
        return super.isNotWaitingForNewURLs();
      }
    };
  }

  /** {@code real}, but counting its queue fails. */
  private static FrontierConfiguration failingToCount(FrontierConfiguration real) {
    Frontier failing =
        (Frontier)
            Proxy.newProxyInstance(
                Frontier.class.getClassLoader(),
                new Class<?>[] {Frontier.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getQueueLength")) {
                    throw new IllegalStateException("the frontier database failed");
                  }
                  try {
                    return method.invoke(real.getFrontier(), args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return new FrontierConfiguration() {
      @Override
      public DocIDServer getDocIDServer() {
        return real.getDocIDServer();
      }

      @Override
      public Frontier getFrontier() {
        return failing;
      }

      @Override
      public WebURLFactory getWebURLFactory() {
        return real.getWebURLFactory();
      }

      @Override
      public void close() {
        real.close();
      }
    };
  }

  private static void assertCrawlerThreadsEnd() throws InterruptedException {
    for (int i = 0; i < 100 && crawlerThreadsAlive() > 0; i++) {
      Thread.sleep(50);
    }
    assertThat(crawlerThreadsAlive()).isZero();
  }

  private static long crawlerThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("Crawler ") && t.isAlive())
        .count();
  }
}
