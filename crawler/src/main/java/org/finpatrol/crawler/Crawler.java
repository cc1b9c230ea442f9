package org.finpatrol.crawler;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.url.TLDList;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.finpatrol.crawler.fetch.CrawlContext;
import org.finpatrol.crawler.fetch.Crawler4jParts;
import org.finpatrol.crawler.fetch.PatrolCrawlController;
import org.finpatrol.crawler.fetch.PatrolPageFetcher;
import org.finpatrol.crawler.fetch.RobotsPolicy;
import org.finpatrol.crawler.fetch.Scope;
import org.finpatrol.crawler.net.GuardedDnsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Patrols sites: crawls from seed URLs with crawler4j under the {@link CrawlSettings}, writes every
 * response to WARC evidence, and hands each URL's outcome to a {@link PageSink}.
 *
 * <p>robots.txt is obeyed (for seeds too) under the agent name "FinPatrol"; scope is the seed hosts
 * plus pages they link to directly; loopback and private addresses are refused unless allowed. One
 * crawl at a time per instance; {@link #crawl} blocks until the crawl is done.
 */
public final class Crawler {

  private static final Logger log = LoggerFactory.getLogger(Crawler.class);
  static final String ROBOTS_AGENT = "FinPatrol";

  private final CrawlSettings settings;

  /** The running crawl's view of its progress; {@link CrawlProgress#NOT_RUNNING} between crawls. */
  private volatile java.util.function.Supplier<CrawlProgress> progress =
      () -> CrawlProgress.NOT_RUNNING;

  public Crawler(CrawlSettings settings) {
    this.settings = settings;
  }

  /** Queued URLs and given-up hosts of the crawl in progress; safe from any thread. */
  public CrawlProgress progress() {
    return progress.get();
  }

  /**
   * Crawls from {@code seeds}; evidence files are named after {@code runId}.
   *
   * @throws IOException when the work or evidence directory cannot be used
   * @throws IllegalArgumentException when {@code seeds} is empty
   */
  public CrawlSummary crawl(List<String> seeds, String runId, PageSink sink) throws IOException {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seeds to crawl");
    }
    long started = System.nanoTime();
    Files.createDirectories(settings.workDir());
    Set<String> hosts = new LinkedHashSet<>();
    for (String seed : seeds) {
      String host = URI.create(seed.strip()).getHost();
      if (host != null) {
        hosts.add(host.toLowerCase(Locale.ROOT));
      }
    }
    try (WarcEvidence evidence =
        new WarcEvidence(
            settings.evidenceDir(),
            "patrol-" + runId,
            settings.warcRolloverBytes(),
            settings.minFreeBytes())) {
      return run(seeds, hosts, evidence, sink, started);
    }
  }

  private CrawlSummary run(
      List<String> seeds, Set<String> hosts, WarcEvidence evidence, PageSink sink, long started)
      throws IOException {
    CrawlConfig config = config();
    // The frontier's database environment, until the controller has started and closes it itself.
    FrontierConfiguration unstarted = null;
    try {
      BasicURLNormalizer normalizer = Crawler4jParts.normalizer();
      Crawler4jParts parts = new Crawler4jParts(settings.politenessMs());
      PatrolPageFetcher fetcher =
          parts.fetcher(config, normalizer, settings.totalTimeout(), settings.validators());
      LongAdder overBudget = new LongAdder();
      FrontierConfiguration frontier =
          parts.frontier(
              config, settings.threadsPerHost(), settings.pageBudget(), overBudget::increment);
      unstarted = frontier;
      RobotsPolicy robots = new RobotsPolicy(fetcher, frontier.getWebURLFactory(), ROBOTS_AGENT);
      parts.crawlDelaysFrom(robots);
      TLDList tlds = new TLDList(config);
      Parser parser = parts.parser(config, normalizer, frontier.getWebURLFactory(), tlds);
      PatrolCrawlController controller =
          parts.controller(config, normalizer, fetcher, parser, robots, tlds, frontier);
      CrawlContext context =
          new CrawlContext(
              new Scope(hosts, settings.perHostMaxPages(), settings.hostsOwned()),
              evidence,
              settings.userAgent(),
              fetcher,
              sink);
      context.shutdownWith(controller::shutdown);
      parts.stopOnFrontierFailure(context);
      for (String seed : seeds) {
        String url = normalizer.filter(seed.strip());
        if (url == null) {
          continue;
        }
        RobotsPolicy.Verdict verdict = robots.verdict(url);
        if (!verdict.rules().isAllowed(url)) {
          FetchStatus status =
              switch (verdict.source()) {
                case UNREACHABLE -> FetchStatus.FETCH_ERROR;
                case PRIVATE_NETWORK -> FetchStatus.BLOCKED_PRIVATE_NETWORK;
                default -> FetchStatus.ROBOTS_DISALLOWED;
              };
          context.emit(
              FetchedPage.withoutContent(
                  url, 0, null, status, 0, verdict.description(), null, null));
          continue;
        }
        context.scope.countSeed(url);
        controller.addSeed(url);
      }
      progress =
          () -> new CrawlProgress(frontier.getFrontier().getQueueLength(), fetcher.hostsGivenUp());
      unstarted = null;
      try {
        controller.crawl(() -> parts.crawler(context), settings.threads());
      } finally {
        progress = () -> CrawlProgress.NOT_RUNNING;
      }
      context.refused(Scope.Refusal.PATROL_BUDGET, overBudget.sum());
      log.info("crawl finished: {}; links not followed: {}", context.counts(), context.refusals());
      return new CrawlSummary(
          context.counts(),
          context.refusals().entrySet().stream()
              .collect(
                  java.util.stream.Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)),
          context.sinkFailures(),
          Duration.ofNanos(System.nanoTime() - started),
          context.stopReason());
    } catch (IOException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("crawl interrupted", e);
    } catch (Exception e) {
      // crawler4j declares 'throws Exception' on its constructors; the causes are I/O ones.
      throw new IOException("crawler could not start: " + e.getMessage(), e);
    } finally {
      if (unstarted != null) {
        // Failed before the crawl started: a retry in this process opens the same directory.
        try {
          unstarted.getFrontier().close();
          unstarted.getDocIDServer().close();
          unstarted.close();
        } catch (RuntimeException e) {
          log.warn("the crawl frontier of a crawl that did not start could not be closed", e);
        }
      }
    }
  }

  private CrawlConfig config() {
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(settings.workDir().toString());
    config.setResumableCrawling(false);
    config.setMaxPagesToFetch(settings.maxPages());
    config.setMaxDepthOfCrawling(settings.maxDepth());
    config.setPolitenessDelay(settings.politenessMs());
    config.setUserAgentString(settings.userAgent());
    config.setMaxDownloadSize(settings.maxBytes());
    int timeout = (int) settings.timeout().toMillis();
    config.setSocketTimeout(timeout);
    config.setConnectionTimeout(timeout);
    config.setIncludeBinaryContentInCrawling(false);
    config.setIncludeHttpsPages(true);
    config.setFollowRedirects(true);
    // A regulator's patrol reads pages that ask search engines not to index or follow them.
    config.setRespectNoFollow(false);
    config.setRespectNoIndex(false);
    config.setAllowSingleLevelDomain(true);
    config.setHaltOnError(false);
    // crawler4j waits 10 s three times before it believes a crawl is over. Its monitor wakes
    // once a second; it need not check again, as HostAwareFrontier counts URLs in threads' hands.
    config.setThreadMonitoringDelaySeconds(1);
    config.setThreadShutdownDelaySeconds(0);
    config.setCleanupDelaySeconds(0);
    config.setDnsResolver(
        new GuardedDnsResolver(settings.hostOverrides(), settings.allowPrivateNetwork()));
    return config;
  }
}
