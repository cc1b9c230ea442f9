package org.finpatrol.crawler.fetch;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.finpatrol.crawler.Ad;
import org.finpatrol.crawler.EvidenceRef;
import org.finpatrol.crawler.FetchStatus;
import org.finpatrol.crawler.FetchedPage;
import org.finpatrol.crawler.OperatorFacts;
import org.finpatrol.crawler.Urls;
import org.finpatrol.crawler.Validators;
import org.finpatrol.crawler.evidence.LowDiskSpaceException;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.finpatrol.crawler.extract.Extraction;
import org.finpatrol.crawler.extract.HtmlExtractor;
import org.finpatrol.crawler.net.PrivateAddressException;

/**
 * One crawler4j thread of a patrol: decides scope, writes every response received to the WARC
 * evidence first (error responses and redirects as headers only), then turns it into a {@link
 * FetchedPage}. Every outcome, including errors, is emitted with a status and cause; nothing is
 * thrown back into crawler4j.
 *
 * <p>crawler4j creates one instance per thread, so the per-URL fields are not shared.
 */
public final class PatrolCrawler extends WebCrawler {

  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

  private final CrawlContext context;
  private final MonitorWakeUp monitorWakeUp;
  private WebURL current;
  private int currentStatus;

  PatrolCrawler(CrawlContext context, MonitorWakeUp monitorWakeUp) {
    this.context = context;
    this.monitorWakeUp = monitorWakeUp;
  }

  /** Asked by crawler4j's monitor thread only: it makes itself known to be woken at the end. */
  @Override
  public boolean isNotWaitingForNewURLs() {
    monitorWakeUp.calledByMonitor();
    return super.isNotWaitingForNewURLs();
  }

  @Override
  public void onStart() {
    context.enterLogContext();
  }

  @Override
  public boolean shouldVisit(Page referringPage, WebURL url) {
    String target = url.getURL();
    String referringHost = null;
    boolean fromAd = false;
    boolean financial = false;
    if (referringPage != null) {
      String from = referringPage.getWebURL().getURL();
      referringHost = Urls.host(from);
      if (referringPage.isRedirect()) {
        int hops = context.redirected(from, target);
        if (hops > CrawlContext.MAX_REDIRECTS) {
          context.refused(Scope.Refusal.REDIRECT_CHAIN);
          return false;
        }
        // A redirect keeps the standing of the link that led to it.
        fromAd = true;
      } else if (referringPage.getParseData() instanceof JsoupHtmlParser.ExtractedParseData data
          && data.extraction() != null) {
        Extraction ex = data.extraction();
        fromAd = ex.ads().stream().anyMatch(a -> target.equals(a.landingUrl()));
        financial = Scope.mentionsFinance(ex.title()) || Scope.mentionsFinance(ex.text());
      }
    }
    Scope.Refusal refusal = context.scope.decide(target, referringHost, fromAd, financial);
    if (refusal != null) {
      context.refused(refusal);
      return false;
    }
    return true;
  }

  @Override
  protected void handlePageStatusCode(WebURL webUrl, int statusCode, String statusDescription) {
    current = webUrl;
    currentStatus = statusCode;
  }

  @Override
  public void visit(Page page) {
    WebURL url = page.getWebURL();
    byte[] body = page.getContentData() == null ? new byte[0] : page.getContentData();
    Extraction ex =
        page.getParseData() instanceof JsoupHtmlParser.ExtractedParseData data
            ? data.extraction()
            : null;
    // Binary types (images, archives, PDFs) reach here with no extraction: evidence only.
    boolean binary = HtmlExtractor.looksBinary(body);
    EvidenceRef evidence;
    try {
      evidence = record(page, body, metadata(page, ex, binary));
    } catch (LowDiskSpaceException e) {
      stopCrawl(e);
      return;
    } catch (IOException e) {
      // Without evidence a page must not be used: report it as failed, with the reason.
      emit(
          url,
          FetchStatus.FETCH_ERROR,
          page.getStatusCode(),
          "evidence not written: " + e,
          page,
          null);
      return;
    }
    if (binary || ex == null) {
      emit(
          url,
          FetchStatus.UNSUPPORTED_CONTENT,
          page.getStatusCode(),
          (binary ? "binary content" : "not HTML") + " served as " + page.getContentType(),
          page,
          evidence);
      return;
    }
    context.emit(
        new FetchedPage(
            url.getURL(),
            host(url.getURL()),
            url.getDepth(),
            url.getParentUrl(),
            FetchStatus.OK,
            page.getStatusCode(),
            page.isTruncated() ? "truncated at the size cap" : null,
            page.getContentType(),
            ex.charset(),
            page.isTruncated(),
            ex.title(),
            ex.text(),
            ex.ads(),
            ex.links(),
            evidence,
            header(page, "ETag"),
            header(page, "Last-Modified"),
            ex.facts()));
  }

  @Override
  protected void onRedirectedStatusCode(Page page) {
    String target = page.getRedirectedToUrl();
    String cause = "redirected to " + target;
    if (context.redirectHops(page.getWebURL().getURL()) + 1 > CrawlContext.MAX_REDIRECTS) {
      cause += " (more than " + CrawlContext.MAX_REDIRECTS + " redirects in a row: not followed)";
    } else if (target != null && context.alreadyFetched(target)) {
      cause += " (already fetched: redirect loop or duplicate)";
    }
    emit(
        page.getWebURL(),
        FetchStatus.REDIRECT,
        page.getStatusCode(),
        cause,
        page,
        recordQuietly(page));
  }

  @Override
  protected void onUnexpectedStatusCode(
      String url, int statusCode, String contentType, String description) {
    WebURL webUrl = current != null && current.getURL().equals(url) ? current : null;
    Page page = null;
    if (webUrl != null) {
      page = new Page(webUrl);
      page.setStatusCode(statusCode);
      page.setFetchResponseHeaders(context.fetcher.lastHeaders());
    }
    EvidenceRef evidence = page == null ? null : recordQuietly(page);
    if (statusCode == 304) {
      context.emit(
          FetchedPage.withoutContent(
              url,
              webUrl == null ? 0 : webUrl.getDepth(),
              webUrl == null ? null : webUrl.getParentUrl(),
              FetchStatus.NOT_MODIFIED,
              statusCode,
              "not modified since the previous patrol",
              contentType,
              evidence));
      if (webUrl != null) {
        followRemembered(webUrl, page, context.fetcher.appliedValidators(url));
      }
      return;
    }
    String cause = "HTTP " + statusCode + " " + description;
    String serverAsked = context.fetcher.abortReason(url);
    if (serverAsked != null) {
      cause += " (" + serverAsked + ")";
    }
    context.emit(
        FetchedPage.withoutContent(
            url,
            webUrl == null ? 0 : webUrl.getDepth(),
            webUrl == null ? null : webUrl.getParentUrl(),
            FetchStatus.HTTP_ERROR,
            statusCode,
            cause,
            contentType,
            evidence));
  }

  /**
   * A 304 repeats no body, so no links: schedule those the previous patrol found on the page, as
   * crawler4j schedules a fetched page's links (scope, depth and the seen-before check apply).
   */
  private void followRemembered(WebURL from, Page page, Validators previous) {
    if (previous == null || previous.links().isEmpty()) {
      return;
    }
    int maxDepth = myController.getConfig().getMaxDepthOfCrawling();
    if (maxDepth >= 0 && from.getDepth() >= maxDepth) {
      return;
    }
    edu.uci.ics.crawler4j.frontier.DocIDServer ids = myController.getDocIdServer();
    java.util.List<WebURL> next = new java.util.ArrayList<>();
    for (String link : previous.links()) {
      if (ids.isSeenBefore(link)) {
        continue;
      }
      WebURL w = myController.getWebURLFactory().newWebUrl();
      w.setURL(link);
      w.setParentDocid(from.getDocid());
      w.setParentUrl(from.getURL());
      w.setDepth((short) (from.getDepth() + 1));
      if (shouldVisit(page, w)) {
        w.setDocid(ids.getNewDocID(link));
        next.add(w);
      }
    }
    myController.getFrontier().scheduleAll(next);
  }

  @Override
  protected void onContentFetchError(Page page, Exception e) {
    String reason = context.fetcher.abortReason(page.getWebURL().getURL());
    emit(
        page.getWebURL(),
        FetchStatus.FETCH_ERROR,
        currentStatus,
        reason != null ? reason : describe(e),
        page,
        null);
  }

  @Override
  protected void onPageBiggerThanMaxSize(Page page, long pageSize) {
    emit(
        page.getWebURL(),
        FetchStatus.TOO_LARGE,
        currentStatus,
        "announced " + pageSize + " bytes, over the size cap",
        page,
        null);
  }

  @Override
  protected void onParseError(WebURL webUrl, Exception e) {
    context.emit(
        FetchedPage.withoutContent(
            webUrl.getURL(),
            webUrl.getDepth(),
            webUrl.getParentUrl(),
            FetchStatus.PARSE_ERROR,
            currentStatus,
            describe(e),
            null,
            null));
  }

  @Override
  protected void onUnhandledException(Page page, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && !(root instanceof PrivateAddressException)) {
      root = root.getCause();
    }
    FetchStatus status =
        root instanceof PrivateAddressException
            ? FetchStatus.BLOCKED_PRIVATE_NETWORK
            : FetchStatus.FETCH_ERROR;
    if (page == null || page.getWebURL() == null) {
      return;
    }
    String reason = context.fetcher.abortReason(page.getWebURL().getURL());
    emit(page.getWebURL(), status, 0, reason != null ? reason : describe(root), page, null);
  }

  private void emit(
      WebURL url, FetchStatus status, int http, String cause, Page page, EvidenceRef evidence) {
    context.emit(
        FetchedPage.withoutContent(
            url.getURL(),
            url.getDepth(),
            url.getParentUrl(),
            status,
            http,
            cause,
            page == null ? null : page.getContentType(),
            evidence));
  }

  /**
   * The disk is nearly full: the page is not stored (a resumed patrol fetches it again) and the
   * crawl stops, so nothing is torn.
   */
  private void stopCrawl(LowDiskSpaceException e) {
    context.stop(e.getMessage());
  }

  private EvidenceRef recordQuietly(Page page) {
    try {
      return record(page, new byte[0], Map.of());
    } catch (LowDiskSpaceException e) {
      stopCrawl(e);
      return null;
    } catch (IOException e) {
      // The outcome is still recorded; only this WARC record is missing, and the log says why.
      logger.warn("evidence not written for {}: {}", page.getWebURL().getURL(), e.toString());
      return null;
    }
  }

  private EvidenceRef record(Page page, byte[] body, Map<String, List<String>> metadata)
      throws IOException {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (page.getFetchResponseHeaders() != null) {
      for (Header h : page.getFetchResponseHeaders()) {
        headers.add(Map.entry(h.getName(), h.getValue()));
      }
    }
    int status = page.getStatusCode();
    String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
    return context.evidence.record(
        new WarcEvidence.Exchange(
            page.getWebURL().getURL(),
            context.userAgent,
            status,
            reason,
            headers,
            body,
            page.isTruncated(),
            Instant.now(),
            metadata));
  }

  /** The metadata record of a page: fetch facts and what the page says about its operator. */
  private static Map<String, List<String>> metadata(Page page, Extraction ex, boolean binary) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("fetchTimeMs", List.of(Long.toString(System.currentTimeMillis())));
    m.put("truncated", List.of(Boolean.toString(page.isTruncated())));
    if (binary) {
      m.put("content", List.of("binary"));
    }
    if (ex == null) {
      return m;
    }
    m.put("charset", List.of(ex.charset() + " (" + ex.charsetBasis() + ")"));
    if (!ex.title().isEmpty()) {
      m.put("title", List.of(oneLine(ex.title())));
    }
    OperatorFacts f = ex.facts();
    putAll(m, "company", f.companies());
    putAll(m, "icp", f.icpNumbers());
    putAll(m, "phone", f.phones());
    putAll(m, "address", f.addresses());
    putAll(m, "custodyBank", f.custodyBanks());
    putAll(
        m,
        "licence",
        f.licences().stream()
            .map(l -> l.kind() + " " + l.number() + (l.wellFormed() ? "" : " (malformed)"))
            .toList());
    for (Ad ad : ex.ads()) {
      m.computeIfAbsent("ad", k -> new ArrayList<>())
          .add(oneLine(ad.text()) + (ad.landingUrl() == null ? "" : " -> " + ad.landingUrl()));
    }
    return m;
  }

  private static void putAll(Map<String, List<String>> m, String key, List<String> values) {
    if (!values.isEmpty()) {
      m.put(key, values.stream().map(PatrolCrawler::oneLine).toList());
    }
  }

  private static String oneLine(String s) {
    String line = LINE_BREAKS.matcher(s).replaceAll(" ").strip();
    return line.length() > 500 ? line.substring(0, 500) : line;
  }

  private static String header(Page page, String name) {
    if (page.getFetchResponseHeaders() == null) {
      return null;
    }
    for (Header h : page.getFetchResponseHeaders()) {
      if (h.getName().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String host(String url) {
    String host = Urls.host(url);
    return host == null ? "" : host;
  }
}
