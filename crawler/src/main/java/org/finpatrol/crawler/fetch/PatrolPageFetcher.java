package org.finpatrol.crawler.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.UrlResolver;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.KeyManagementException;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;
import org.finpatrol.crawler.SuppressForbidden;
import org.finpatrol.crawler.Validators;

/**
 * crawler4j's fetcher, hardened for hostile servers and re-patrols:
 *
 * <ul>
 *   <li>a total-time cap per request (a slow-drip server is aborted, not waited for);
 *   <li>bodies above the size cap are read up to the cap, marked truncated and the connection is
 *       dropped, instead of refused on their Content-Length or drained (a gzip bomb never inflates
 *       past the cap);
 *   <li>error responses are not drained either: their bodies are never read;
 *   <li>{@code Retry-After} on 429 and 503 pushes the host's next request back (at most {@value
 *       #MAX_RETRY_AFTER_S} s);
 *   <li>conditional GET ({@code If-None-Match}, {@code If-Modified-Since}) from the validators of a
 *       previous patrol.
 * </ul>
 *
 * The response headers of the last fetch on each thread stay available to the crawler, which writes
 * them to the evidence. Thread-safe.
 */
public final class PatrolPageFetcher extends PageFetcher {

  static final long MAX_RETRY_AFTER_S = 300;

  private final long totalTimeoutMs;
  private final Function<String, Validators> validators;

  /**
   * Circuit breaker: after this many fetches of one host in a row failed without an HTTP answer
   * (refused, reset, timed out), its remaining URLs fail at once for the rest of the crawl instead
   * of each waiting out the timeouts.
   */
  static final int HOST_FAILURES_TO_OPEN = 5;

  private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> failuresInARow =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** What this thread's last request was conditional on (its links serve a 304). */
  private final ThreadLocal<Validators> applied = new ThreadLocal<>();

  private final HostPoliteness politeness;
  private final ScheduledExecutorService watchdog = newWatchdog();

  /**
   * One thread that aborts requests over the total time cap. A cancelled timer leaves its queue at
   * once: otherwise each fetch's timer, holding its request, would stay queued for the whole cap
   * (60 s of pages, some thirteen thousand at full speed, in the heap).
   */
  private static ScheduledExecutorService newWatchdog() {
    java.util.concurrent.ScheduledThreadPoolExecutor watchdog =
        new java.util.concurrent.ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "finpatrol-fetch-watchdog");
              t.setDaemon(true);
              return t;
            });
    watchdog.setRemoveOnCancelPolicy(true);
    return watchdog;
  }

  private final Map<String, String> abortReasons = new ConcurrentHashMap<>();
  private final ThreadLocal<Header[]> lastHeaders = new ThreadLocal<>();

  PatrolPageFetcher(
      CrawlConfig config,
      BasicURLNormalizer normalizer,
      HostPoliteness politeness,
      Duration totalTimeout,
      Function<String, Validators> validators)
      throws NoSuchAlgorithmException, KeyManagementException, KeyStoreException {
    super(config, normalizer, politeness);
    // crawler4j's client retries 429 and 503 itself, holding a crawl thread for the Retry-After;
    // a patrol records the answer and pauses the host instead. Same settings otherwise.
    this.httpClient =
        HttpClientBuilder.create()
            .setConnectionManager(connectionManager)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setExpectContinueEnabled(false)
                    .setCookieSpec(config.getCookiePolicy())
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(Timeout.ofMilliseconds(config.getSocketTimeout()))
                    .setConnectTimeout(Timeout.ofMilliseconds(config.getConnectionTimeout()))
                    .build())
            .setUserAgent(config.getUserAgentString())
            .setDefaultHeaders(config.getDefaultHeaders())
            .disableAutomaticRetries()
            .build();
    this.politeness = politeness;
    this.totalTimeoutMs = totalTimeout.toMillis();
    this.validators = validators;
  }

  /** Hosts not asked again in this crawl: they failed {@link #HOST_FAILURES_TO_OPEN} in a row. */
  public java.util.Set<String> hostsGivenUp() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    failuresInARow.forEach(
        (host, failures) -> {
          if (failures.get() >= HOST_FAILURES_TO_OPEN) {
            out.add(host);
          }
        });
    return out;
  }

  /** The validators this thread's last request for {@code url} was conditional on, or null. */
  Validators appliedValidators(String url) {
    Validators v = applied.get();
    return v != null && url != null ? v : null;
  }

  @Override
  @SuppressForbidden(reason = "politeness: the wait the politeness server asked for")
  public PageFetchResult fetchPage(WebURL webUrl) throws InterruptedException, IOException {
    String url = webUrl.getURL();
    String host = org.finpatrol.crawler.Urls.host(url);
    var failures = host == null ? null : failuresInARow.get(host);
    if (failures != null && failures.get() >= HOST_FAILURES_TO_OPEN) {
      String reason =
          "host "
              + host
              + " did not answer "
              + failures.get()
              + " times in a row: not asked again in this patrol";
      abortReasons.put(url, reason);
      throw new java.net.ConnectException(reason);
    }
    HttpGet request = new HttpGet(url);
    Validators previous = validators.apply(url);
    applied.set(previous);
    if (previous != null) {
      if (previous.etag() != null) {
        request.addHeader(HttpHeaders.IF_NONE_MATCH, previous.etag());
      }
      if (previous.lastModified() != null) {
        request.addHeader(HttpHeaders.IF_MODIFIED_SINCE, previous.lastModified());
      }
    }
    long wait = politenessServer.applyPoliteness(webUrl);
    if (wait != PolitenessServer.NO_POLITENESS_APPLIED && wait > 0) {
      Thread.sleep(wait);
    }
    lastHeaders.remove();
    abortReasons.remove(url);
    ScheduledFuture<?> killer =
        watchdog.schedule(
            () -> {
              abortReasons.put(url, "exceeded the total time cap of " + totalTimeoutMs + " ms");
              request.abort();
            },
            totalTimeoutMs,
            TimeUnit.MILLISECONDS);
    GuardedResult result = new GuardedResult(request, killer);
    try {
      CloseableHttpResponse response = httpClient.execute(request);
      if (host != null) {
        failuresInARow.remove(host);
      }
      result.setEntity(response.getEntity());
      result.setResponseHeaders(response.getHeaders());
      lastHeaders.set(response.getHeaders());
      int status = response.getCode();
      if (status >= 300 && status < 400) {
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        if (location != null) {
          result.setMovedToUrl(normalizer.filter(UrlResolver.resolveUrl(url, location.getValue())));
        }
      } else if (status >= 200 && status < 300) {
        result.setFetchedUrl(url);
      } else if (status == 429 || status == 503) {
        Duration retry = retryAfter(response.getFirstHeader(HttpHeaders.RETRY_AFTER));
        if (retry != null) {
          politeness.backOff(url, retry);
          abortReasons.put(url, "Retry-After " + retry.toSeconds() + " s: host paused");
        }
      }
      result.setStatusCode(status);
      return result;
    } catch (IOException e) {
      killer.cancel(false);
      request.abort();
      if (host != null) {
        failuresInARow
            .computeIfAbsent(host, h -> new java.util.concurrent.atomic.AtomicInteger())
            .incrementAndGet();
      }
      String reason = abortReasons.get(url);
      if (reason != null) {
        throw new SocketTimeoutException(reason);
      }
      throw e;
    }
  }

  /** Why the fetch of {@code url} was cut short or what the server asked for, if anything. */
  public String abortReason(String url) {
    return abortReasons.get(url);
  }

  /** The response headers of the last fetch made on this thread (null when none arrived). */
  public Header[] lastHeaders() {
    return lastHeaders.get();
  }

  /**
   * The duration in a Retry-After header (seconds or HTTP date), capped; null when absent or bad.
   */
  static Duration retryAfter(Header header) {
    if (header == null || header.getValue() == null) {
      return null;
    }
    String value = header.getValue().strip();
    long seconds;
    try {
      seconds = Long.parseLong(value);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        seconds = Duration.between(ZonedDateTime.now(at.getZone()), at).toSeconds();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
    return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_RETRY_AFTER_S)));
  }

  @Override
  public synchronized void shutDown() {
    watchdog.shutdownNow();
    super.shutDown();
  }

  /**
   * The fetch result of one request: cancels the watchdog when done and drops the connection
   * instead of draining a body that was cut at the cap or never wanted (error responses).
   */
  private static final class GuardedResult extends PageFetchResult {
    private final HttpGet request;
    private final ScheduledFuture<?> killer;
    private boolean drop;

    GuardedResult(HttpGet request, ScheduledFuture<?> killer) {
      super(false);
      this.request = request;
      this.killer = killer;
    }

    @Override
    public boolean fetchContent(Page page, int maxBytes) throws IOException {
      boolean ok = super.fetchContent(page, maxBytes);
      if (!ok || page.isTruncated()) {
        drop = true;
      }
      return ok;
    }

    @Override
    public void discardContentIfNotConsumed() {
      killer.cancel(false);
      if (drop || statusCode < 200 || statusCode >= 300) {
        request.abort();
        return;
      }
      super.discardContentIfNotConsumed();
    }
  }
}
