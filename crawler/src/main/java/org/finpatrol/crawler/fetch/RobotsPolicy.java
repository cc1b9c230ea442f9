package org.finpatrol.crawler.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.finpatrol.crawler.net.PrivateAddressException;

/**
 * robots.txt for a patrol (RFC 9309), replacing crawler4j's server, which ignores files served
 * without a text/plain Content-Type and allows everything when the server fails.
 *
 * <p>Per origin (scheme, host, port): a 2xx body is parsed whatever its Content-Type
 * (crawler-commons; groups, longest match, {@code Allow}, {@code *} and {@code $}; agent
 * "FinPatrol"); redirects are followed up to five times; 4xx means no restrictions; 5xx and an
 * unreachable server mean disallow all, for {@value #FAILURE_TTL_MINUTES} minutes, after which
 * robots.txt is asked again. Successful answers are kept for a day. Thread-safe; one fetch per
 * origin at a time.
 */
public final class RobotsPolicy extends RobotstxtServer {

  static final int MAX_ROBOTS_BYTES = 500 * 1024;
  static final int MAX_REDIRECTS = 5;
  static final long FAILURE_TTL_MINUTES = 10;
  static final Duration SUCCESS_TTL = Duration.ofHours(24);

  /** How an origin's rules were obtained. */
  public enum Source {
    RULES,
    NO_ROBOTS_TXT,
    SERVER_ERROR,
    UNREACHABLE,
    PRIVATE_NETWORK
  }

  /** An origin's rules, how they were obtained, a description, and when to ask again. */
  public record Verdict(
      BaseRobotRules rules, Source source, String description, long expiresAtMs) {}

  private final PageFetcher fetcher;
  private final WebURLFactory factory;
  private final String agent;
  private final ConcurrentHashMap<String, CompletableFuture<Verdict>> cache =
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
    return verdict(webUrl.getURL()).rules().isAllowed(webUrl.getURL());
  }

  /** The verdict for {@code url}'s origin, fetching robots.txt when it is not known or expired. */
  public Verdict verdict(String url) throws InterruptedException {
    String origin = origin(url);
    if (origin == null) {
      return new Verdict(allowAll(), Source.NO_ROBOTS_TXT, "not a URL", Long.MAX_VALUE);
    }
    while (true) {
      CompletableFuture<Verdict> mine = new CompletableFuture<>();
      CompletableFuture<Verdict> existing = cache.putIfAbsent(origin, mine);
      if (existing == null) {
        Verdict v;
        try {
          v = fetch(origin);
        } catch (Throwable e) {
          // An error (out of memory, say) must not leave the next thread asking for this origin
          // waiting for an answer that never comes, and the crawl with it: it asks again.
          cache.remove(origin, mine);
          mine.completeExceptionally(e);
          throw e;
        }
        mine.complete(v);
        return v;
      }
      Verdict v;
      try {
        v = existing.get();
      } catch (ExecutionException e) {
        continue; // that lookup failed on its thread; this one looks up for itself
      }
      if (System.currentTimeMillis() < v.expiresAtMs()) {
        return v;
      }
      cache.remove(origin, existing);
    }
  }

  /** The Crawl-delay of {@code url}'s origin if its robots.txt is known and sets one. */
  public Duration crawlDelay(String url) {
    String origin = origin(url);
    CompletableFuture<Verdict> known = origin == null ? null : cache.get(origin);
    if (known == null || !known.isDone()) {
      return null;
    }
    long ms = known.join().rules().getCrawlDelay();
    return ms > 0 ? Duration.ofMillis(ms) : null;
  }

  private Verdict fetch(String origin) throws InterruptedException {
    String robotsUrl = origin + "/robots.txt";
    long now = System.currentTimeMillis();
    long failureExpiry = now + Duration.ofMinutes(FAILURE_TTL_MINUTES).toMillis();
    long successExpiry = now + SUCCESS_TTL.toMillis();
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
            return new Verdict(
                allowNone(),
                Source.UNREACHABLE,
                "robots.txt could not be read: disallow all (RFC 9309)",
                failureExpiry);
          }
          byte[] body = page.getContentData() == null ? new byte[0] : page.getContentData();
          return new Verdict(
              parse(robotsUrl, body, agent),
              Source.RULES,
              "robots.txt disallows " + agent,
              successExpiry);
        }
        if (status >= 500) {
          return new Verdict(
              allowNone(),
              Source.SERVER_ERROR,
              "robots.txt answered HTTP " + status + ": disallow all (RFC 9309)",
              failureExpiry);
        }
        return new Verdict(
            allowAll(), Source.NO_ROBOTS_TXT, "no robots.txt (HTTP " + status + ")", successExpiry);
      } catch (PrivateAddressException e) {
        return new Verdict(allowNone(), Source.PRIVATE_NETWORK, e.getMessage(), failureExpiry);
      } catch (IOException | URISyntaxException e) {
        if (e.getCause() instanceof PrivateAddressException p) {
          return new Verdict(allowNone(), Source.PRIVATE_NETWORK, p.getMessage(), failureExpiry);
        }
        return new Verdict(
            allowNone(),
            Source.UNREACHABLE,
            "robots.txt unreachable ("
                + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "): nothing is fetched from this host (RFC 9309)",
            failureExpiry);
      } catch (Exception e) {
        // crawler4j declares its own checked exceptions (size cap); treat them as unreadable.
        return new Verdict(
            allowNone(),
            Source.UNREACHABLE,
            "robots.txt could not be read (" + e + "): disallow all",
            failureExpiry);
      } finally {
        if (result != null) {
          result.discardContentIfNotConsumed();
        }
      }
    }
    return new Verdict(
        allowAll(),
        Source.NO_ROBOTS_TXT,
        "robots.txt redirected more than " + MAX_REDIRECTS + " times: no restrictions (RFC 9309)",
        successExpiry);
  }

  /** Parses a robots.txt body for {@code agent} (the parser's own group selection and matching). */
  static BaseRobotRules parse(String robotsUrl, byte[] body, String agent) {
    return new SimpleRobotRulesParser()
        .parseContent(robotsUrl, body, "text/plain", List.of(agent.toLowerCase(Locale.ROOT)));
  }

  private static BaseRobotRules allowAll() {
    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
  }

  private static BaseRobotRules allowNone() {
    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
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
