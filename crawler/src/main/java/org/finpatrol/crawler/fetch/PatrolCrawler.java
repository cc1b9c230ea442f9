package org.finpatrol.crawler.fetch;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.finpatrol.crawler.EvidenceRef;
import org.finpatrol.crawler.FetchStatus;
import org.finpatrol.crawler.FetchedPage;
import org.finpatrol.crawler.Urls;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.finpatrol.crawler.extract.Extraction;
import org.finpatrol.crawler.net.PrivateAddressException;

/**
 * One crawler4j thread of a patrol: decides scope, writes every received response to the WARC
 * evidence first, then turns it into a {@link FetchedPage}. Every outcome, including errors, is
 * emitted with a status and cause; nothing is thrown back into crawler4j.
 *
 * <p>crawler4j creates one instance per thread, so the per-URL field is not shared.
 */
public final class PatrolCrawler extends WebCrawler {

  private final CrawlContext context;
  private WebURL current;
  private int currentStatus;

  public PatrolCrawler(CrawlContext context) {
    this.context = context;
  }

  @Override
  public boolean shouldVisit(Page referringPage, WebURL url) {
    String referringHost = referringPage == null ? null : host(referringPage.getWebURL().getURL());
    return context.scope.allows(url.getURL(), referringHost);
  }

  @Override
  protected void handlePageStatusCode(WebURL webUrl, int statusCode, String statusDescription) {
    current = webUrl;
    currentStatus = statusCode;
  }

  @Override
  public void visit(Page page) {
    WebURL url = page.getWebURL();
    EvidenceRef evidence;
    try {
      evidence = record(page, page.getContentData());
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
    String title = "";
    String text = "";
    List<org.finpatrol.crawler.Ad> ads = List.of();
    int links = 0;
    String charset = null;
    if (page.getParseData() instanceof JsoupHtmlParser.ExtractedParseData data) {
      Extraction ex = data.extraction();
      title = ex.title();
      text = ex.text();
      ads = ex.ads();
      links = ex.links().size();
      charset = ex.charset();
    } else if (page.getParseData() != null && page.getParseData().getOutgoingUrls() != null) {
      links = page.getParseData().getOutgoingUrls().size();
    }
    context.emit(
        new FetchedPage(
            url.getURL(),
            host(url.getURL()),
            url.getDepth(),
            url.getParentUrl(),
            FetchStatus.OK,
            page.getStatusCode(),
            null,
            page.getContentType(),
            charset,
            page.isTruncated(),
            title,
            text,
            ads,
            links,
            evidence));
  }

  @Override
  protected void onRedirectedStatusCode(Page page) {
    EvidenceRef evidence = null;
    try {
      evidence = record(page, new byte[0]);
    } catch (IOException e) {
      // The redirect target is still crawled; only this record is missing.
    }
    emit(
        page.getWebURL(),
        FetchStatus.REDIRECT,
        page.getStatusCode(),
        "redirected to " + page.getRedirectedToUrl(),
        page,
        evidence);
  }

  @Override
  protected void onUnexpectedStatusCode(
      String url, int statusCode, String contentType, String description) {
    WebURL webUrl = current != null && current.getURL().equals(url) ? current : null;
    context.emit(
        FetchedPage.withoutContent(
            url,
            webUrl == null ? 0 : webUrl.getDepth(),
            webUrl == null ? null : webUrl.getParentUrl(),
            FetchStatus.HTTP_ERROR,
            statusCode,
            "HTTP " + statusCode + " " + description,
            contentType,
            null));
  }

  @Override
  protected void onContentFetchError(Page page, Exception e) {
    emit(page.getWebURL(), FetchStatus.FETCH_ERROR, currentStatus, describe(e), page, null);
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
    emit(page.getWebURL(), status, 0, describe(root), page, null);
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

  private EvidenceRef record(Page page, byte[] body) throws IOException {
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
            body == null ? new byte[0] : body,
            page.isTruncated(),
            Instant.now()));
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
