package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
import java.nio.file.Path;
import java.time.Duration;
import org.finpatrol.crawler.PageBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crawler4j's controller and threads for real, with a frontier database that fails. */
class PatrolCrawlControllerIT {

  @TempDir Path work;

  @Test
  void aCrawlWhoseMonitorDiesEndsWithAnErrorInsteadOfWaitingForEver() {
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(work.toString());
    config.setResumableCrawling(false);
    config.setPolitenessDelay(0);
    config.setHaltOnError(false);
    config.setThreadMonitoringDelaySeconds(1);
    config.setThreadShutdownDelaySeconds(0);
    config.setCleanupDelaySeconds(0);

    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          Crawler4jParts parts = new Crawler4jParts(0);
          BasicURLNormalizer normalizer = Crawler4jParts.normalizer();
          FrontierConfiguration real = parts.frontier(config, 1, PageBudget.UNLIMITED, () -> {});
          // Counting the queue fails, as Berkeley DB does once its environment is invalid:
          // crawler4j's
          // monitor counts when no thread is working, here at its first look (no seed).
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
          FrontierConfiguration frontier =
              new FrontierConfiguration() {
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
          PageFetcher fetcher = new PageFetcher(config, normalizer);
          RobotstxtConfig robots = new RobotstxtConfig();
          robots.setEnabled(false);
          TLDList tlds = new TLDList(config);
          MonitorWakeUp monitor = new MonitorWakeUp();
          PatrolCrawlController controller =
              new PatrolCrawlController(
                  config,
                  normalizer,
                  fetcher,
                  parts.parser(config, normalizer, frontier.getWebURLFactory(), tlds),
                  new RobotstxtServer(robots, fetcher, frontier.getWebURLFactory()),
                  tlds,
                  frontier,
                  monitor);

          long started = System.nanoTime();
          assertThatThrownBy(
                  () ->
                      controller.crawl(
                          () ->
                              new WebCrawler() {
                                @Override
                                public boolean isNotWaitingForNewURLs() {
                                  monitor.calledByMonitor(); // as PatrolCrawler does
                                  return super.isNotWaitingForNewURLs();
                                }
                              },
                          2))
              .isInstanceOf(IOException.class)
              .hasMessageContaining("monitor thread ended without finishing");
          // The crawler threads were told to stop and do.
          for (int i = 0; i < 100 && crawlerThreadsAlive() > 0; i++) {
            Thread.sleep(50);
          }
          assertThat(crawlerThreadsAlive()).isZero();
          // Noticed within a look or two of the monitor's death, not after the wait for a monitor
          // that never showed itself.
          assertThat(Duration.ofNanos(System.nanoTime() - started))
              .isLessThan(Duration.ofSeconds(8));
        });
  }

  private static long crawlerThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("Crawler ") && t.isAlive())
        .count();
  }
}
