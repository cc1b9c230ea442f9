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
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

  private final Environment environment;
  private final DocIDServer docIds;
  private final SleepycatFrontierImpl frontier;
  private final WebURLFactory urls = new SleepycatWebURLFactory();

  BoundedSleepycatFrontier(CrawlConfig config) {
    Path home = Path.of(config.getCrawlStorageFolder(), "frontier");
    emptied(home);
    EnvironmentConfig env = new EnvironmentConfig();
    env.setAllowCreate(true);
    env.setTransactional(false);
    env.setLocking(false);
    env.setCacheSize(CACHE_BYTES);
    environment = new Environment(home.toFile(), env);
    docIds = new RememberedDocIds(new SleepycatDocIDServer(environment, config));
    frontier = new SleepycatFrontierImpl(environment, config);
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

  /** Closes the environment; the controller has closed the frontier and the URL ids. */
  @Override
  public void close() {
    environment.close();
  }
}
