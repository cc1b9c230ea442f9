package org.finpatrol.crawler.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.exceptions.PageBiggerThanMaxSizeException;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * robots.txt for a patrol, replacing crawler4j's server (which ignores robots.txt files served
 * without a text/plain Content-Type and allows everything when the server fails).
 *
 * <p>Per origin (scheme, host, port), fetched once per crawl: a 2xx body is parsed whatever its
 * Content-Type (crawler-commons, agent "FinPatrol"); redirects are followed up to five times; 4xx
 * means no restrictions; 5xx means disallow all, as RFC 9309 asks of an unreachable robots.txt.
 * When no HTTP response arrives at all (dead host), nothing is disallowed: the page fetch then
 * fails and records the real cause. Thread-safe.
 */
public final class RobotsPolicy extends RobotstxtServer {

  private static final int MAX_ROBOTS_BYTES = 500 * 1024;
  private static final int MAX_REDIRECTS = 5;

  /** The rules of one origin and how they were obtained. */
  private record Entry(BaseRobotRules rules, String source) {}

  private final PageFetcher fetcher;
  private final WebURLFactory factory;
  private final String agent;
  private final ConcurrentHashMap<String, CompletableFuture<Entry>> cache =
      new ConcurrentHashMap<>();

  public RobotsPolicy(PageFetcher fetcher, WebURLFactory factory, String agent) {
    super(new RobotstxtConfig(), fetcher, factory);
    this.fetcher = fetcher;
    this.factory = factory;
    this.agent = agent;
  }

  @Override
  public boolean allows(WebURL webUrl) throws InterruptedException {
    return allows(webUrl, false);
  }

  @Override
  public boolean allows(WebURL webUrl, boolean isSeed) throws InterruptedException {
    return entry(webUrl.getURL()).rules().isAllowed(webUrl.getURL());
  }

  /** Why {@code url} is disallowed, for the fetch record. */
  public String reason(String url) throws InterruptedException {
    return entry(url).source();
  }

  private Entry entry(String url) throws InterruptedException {
    String origin = origin(url);
    if (origin == null) {
      return new Entry(
          new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), "not a URL");
    }
    CompletableFuture<Entry> mine = new CompletableFuture<>();
    CompletableFuture<Entry> existing = cache.putIfAbsent(origin, mine);
    if (existing == null) {
      mine.complete(fetch(origin));
      return mine.join();
    }
    try {
      return existing.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("robots.txt lookup failed for " + origin, e.getCause());
    }
  }

  private Entry fetch(String origin) throws InterruptedException {
    String robotsUrl = origin + "/robots.txt";
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      WebURL target = factory.newWebUrl();
      target.setURL(robotsUrl);
      PageFetchResult result = null;
      try {
        result = fetcher.fetchPage(target);
        int status = result.getStatusCode();
        if (status >= 300 && status < 400 && result.getMovedToUrl() != null) {
          robotsUrl = result.getMovedToUrl();
          continue;
        }
        if (status >= 200 && status < 300) {
          Page page = new Page(target);
          if (!result.fetchContent(page, MAX_ROBOTS_BYTES)) {
            return allowAll("robots.txt unreadable");
          }
          byte[] body = page.getContentData() == null ? new byte[0] : page.getContentData();
          return new Entry(
              new SimpleRobotRulesParser().parseContent(robotsUrl, body, "text/plain", agent),
              "robots.txt disallows " + agent);
        }
        if (status >= 500) {
          return new Entry(
              new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
              "robots.txt answered HTTP " + status + ": disallow all (RFC 9309)");
        }
        return allowAll("no robots.txt (HTTP " + status + ")");
      } catch (IOException | URISyntaxException | PageBiggerThanMaxSizeException e) {
        return allowAll("robots.txt not fetched: " + e.getMessage());
      } finally {
        if (result != null) {
          result.discardContentIfNotConsumed();
        }
      }
    }
    return allowAll("robots.txt redirected more than " + MAX_REDIRECTS + " times");
  }

  private static Entry allowAll(String source) {
    return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), source);
  }

  private static String origin(String url) {
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null || u.getHost() == null) {
        return null;
      }
      String port = u.getPort() == -1 ? "" : ":" + u.getPort();
      return u.getScheme().toLowerCase(Locale.ROOT)
          + "://"
          + u.getHost().toLowerCase(Locale.ROOT)
          + port;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
