package org.finpatrol.crawler.fetch;

import com.sleepycat.je.Environment;
import com.sleepycat.je.EnvironmentConfig;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.frontier.DocIDServer;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.frontier.SleepycatDocIDServer;
import edu.uci.ics.crawler4j.frontier.SleepycatFrontierImpl;
import edu.uci.ics.crawler4j.url.SleepycatWebURLFactory;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * crawler4j's Sleepycat frontier (its URL-id database and work queues) with a fixed cache, and the
 * URL ids handed out {@link RememberedDocIds remembered} in front of it.
 *
 * <p>crawler4j's own configuration opens the Berkeley DB environment with JE's default cache of 60
 * % of the heap, which JE fills with every URL the crawl has seen: a crawl's heap then grows with
 * its pages. Here the cache has a fixed size; what does not fit stays in the environment's log
 * files on disk. Like crawler4j's (for a crawl that is not resumable), each crawl starts with an
 * empty frontier directory.
 */
final class BoundedSleepycatFrontier implements FrontierConfiguration {

  /** JE's cache: the hot part of the URL ids and queues; the rest is read from disk. */
  static final long CACHE_BYTES = 24L << 20;

  /** The free space below which JE refuses writes: less than the patrol's own disk limit. */
  static final long FREE_DISK_BYTES = 32L << 20;

  private final Environment environment;
  private final DocIDServer docIds;
  private final TakingFrontier frontier;
  private final WebURLFactory urls = new SleepycatWebURLFactory();

  BoundedSleepycatFrontier(CrawlConfig config) {
    Path home = Path.of(config.getCrawlStorageFolder(), "frontier");
    emptied(home);
    EnvironmentConfig env = new EnvironmentConfig();
    env.setAllowCreate(true);
    env.setTransactional(false);
    env.setLocking(false);
    env.setCacheSize(CACHE_BYTES);
    // JE refuses every write when its volume has less than je.freeDisk free, 5 GB by default: on
    // a smaller or fuller disk the crawl's queue would fail at once. The patrol stops a crawl
    // itself when the data directory runs low (finpatrol.min-free-mb, 256 MiB by default) first.
    env.setConfigParam(EnvironmentConfig.FREE_DISK, Long.toString(FREE_DISK_BYTES));
    environment = new Environment(home.toFile(), env);
    docIds = new RememberedDocIds(new SleepycatDocIDServer(environment, config));
    frontier = new TakingFrontier(environment, config);
  }

  /**
   * crawler4j's queue, whose {@link #getNextURLs} hands out what is there and returns: on a
   * database error crawler4j's own logs it and waits for URLs without end, holding the lock of the
   * {@link HostAwareFrontier} in front of it (its only caller, which waits for URLs itself and asks
   * only when the queue is not empty), so no thread could go on and the crawl never ended. Here the
   * error reaches that frontier, which ends the crawl with the reason.
   */
  static final class TakingFrontier extends SleepycatFrontierImpl {

    TakingFrontier(Environment environment, CrawlConfig config) {
      super(environment, config);
    }

    @Override
    public void getNextURLs(int max, List<WebURL> result) {
      synchronized (mutex) {
        if (isFinished) {
          return;
        }
        List<WebURL> taken = workQueues.get(max);
        workQueues.delete(taken.size());
        if (inProcessPages != null) {
          for (WebURL url : taken) {
            inProcessPages.put(url);
          }
        }
        result.addAll(taken);
      }
    }
  }

  private static void emptied(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> all = Files.walk(dir)) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
            if (!p.equals(dir)) {
              Files.delete(p);
            }
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the crawl frontier in " + dir, e);
    }
  }

  @Override
  public DocIDServer getDocIDServer() {
    return docIds;
  }

  @Override
  public Frontier getFrontier() {
    return frontier;
  }

  @Override
  public WebURLFactory getWebURLFactory() {
    return urls;
  }

  /** The free space below which the environment refuses writes, as it was opened with. */
  long freeDiskLimit() {
    return Long.parseLong(environment.getConfig().getConfigParam(EnvironmentConfig.FREE_DISK));
  }

  /** Closes the environment; the controller has closed the frontier and the URL ids. */
  @Override
  public void close() {
    environment.close();
  }
}
