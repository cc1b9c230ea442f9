package org.finpatrol.crawler.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.finpatrol.crawler.Validators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds FinPatrol's replacements for crawler4j's parts (URL normaliser, politeness, fetcher,
 * parser) without making their classes public.
 */
public final class Crawler4jParts {

  /** Query parameters that only track clicks and would make one page look like many. */
  static final List<String> TRACKING_PARAMETERS =
      List.of(
          "utm_source",
          "utm_medium",
          "utm_campaign",
          "utm_term",
          "utm_content",
          "utm_id",
          "gclid",
          "fbclid",
          "msclkid",
          "yclid",
          "spm",
          "scm",
          "isappinstalled",
          "share_token");

  private static final Logger log = LoggerFactory.getLogger(Crawler4jParts.class);

  private final HostPoliteness politeness;
  private final MonitorWakeUp monitorWakeUp = new MonitorWakeUp();
  private volatile Consumer<RuntimeException> frontierFailed =
      e -> log.error("the crawl frontier's database failed", e);

  public Crawler4jParts(long politenessMs) {
    this.politeness = new HostPoliteness(politenessMs);
  }

  /**
   * The URL normaliser: lower-case scheme and host, default ports and dot segments removed,
   * fragments dropped, tracking parameters removed.
   */
  public static BasicURLNormalizer normalizer() {
    return BasicURLNormalizer.newBuilder().queryParamsToRemove(TRACKING_PARAMETERS).build();
  }

  public PatrolPageFetcher fetcher(
      CrawlConfig config,
      BasicURLNormalizer normalizer,
      Duration total,
      Function<String, Validators> validators)
      throws GeneralSecurityException {
    return new PatrolPageFetcher(config, normalizer, politeness, total, validators);
  }

  /**
   * crawler4j's frontier, made to hand out URLs host by host as their polite slots come up, at most
   * {@code threadsPerHost} of one host's at a time; each URL it schedules takes a page of {@code
   * budget} first, and one refused for it is dropped and reported to {@code overBudget}. Once
   * drained it wakes crawler4j's monitor, so the crawl ends at once ({@link #crawler}).
   */
  public FrontierConfiguration frontier(
      CrawlConfig config,
      int threadsPerHost,
      org.finpatrol.crawler.PageBudget budget,
      Runnable overBudget) {
    return HostAwareFrontier.wrap(
        new BoundedSleepycatFrontier(config),
        politeness,
        threadsPerHost,
        budget,
        overBudget,
        monitorWakeUp,
        e -> frontierFailed.accept(e));
  }

  /**
   * Stops {@code context}'s crawl, with the reason, when the frontier's database fails to hand out
   * URLs (the frontier then ends the crawl itself; this records why).
   */
  public void stopOnFrontierFailure(CrawlContext context) {
    frontierFailed = e -> context.stop("the crawl frontier's database failed: " + e);
  }

  /**
   * crawler4j's controller for a crawl whose frontier is this one's {@link #frontier}; its {@link
   * PatrolCrawlController#crawl} ends when crawler4j's monitor thread dies.
   */
  public PatrolCrawlController controller(
      CrawlConfig config,
      BasicURLNormalizer normalizer,
      PageFetcher fetcher,
      Parser parser,
      RobotstxtServer robots,
      TLDList tlds,
      FrontierConfiguration frontier)
      throws Exception {
    return new PatrolCrawlController(
        config, normalizer, fetcher, parser, robots, tlds, frontier, monitorWakeUp);
  }

  /** A crawler thread of a crawl whose frontier is this one's {@link #frontier}. */
  public PatrolCrawler crawler(CrawlContext context) {
    return new PatrolCrawler(context, monitorWakeUp);
  }

  /** Lets the politeness honour robots.txt Crawl-delay values as robots.txt files are read. */
  public void crawlDelaysFrom(RobotsPolicy robots) {
    politeness.crawlDelays(robots::crawlDelay);
  }

  public Parser parser(
      CrawlConfig config, BasicURLNormalizer normalizer, WebURLFactory factory, TLDList tlds)
      throws IOException {
    return new PatrolParser(
        config, normalizer, new JsoupHtmlParser(normalizer, factory, tlds), tlds, factory);
  }
}
