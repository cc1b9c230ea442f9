package org.finpatrol.crawler;

import java.util.List;
import java.util.Objects;

/**
 * One URL of a patrol as the crawler saw it: fetch outcome, extracted content and evidence.
 *
 * @param url the URL fetched (normalised)
 * @param host its host name, lower case, without port
 * @param depth link distance from a seed
 * @param parentUrl the page that linked here (null for seeds)
 * @param status outcome of the fetch
 * @param httpStatus HTTP status code, 0 when there was no response
 * @param cause why the status is not OK (null for OK)
 * @param contentType the Content-Type header, may be null
 * @param charset the charset used to decode the body, may be null
 * @param truncated whether the body was cut at the size cap
 * @param title page title, "" when none
 * @param text main text without navigation, scripts and ads, "" when none
 * @param ads advertisements found on the page
 * @param links the absolute links found, in page order (a 304 carries none)
 * @param evidence the WARC record of the response (null when nothing was received)
 * @param etag the ETag header, for the next patrol's conditional GET (may be null)
 * @param lastModified the Last-Modified header, likewise (may be null)
 * @param facts what the page says about its operator
 */
public record FetchedPage(
    String url,
    String host,
    int depth,
    String parentUrl,
    FetchStatus status,
    int httpStatus,
    String cause,
    String contentType,
    String charset,
    boolean truncated,
    String title,
    String text,
    List<Ad> ads,
    List<String> links,
    EvidenceRef evidence,
    String etag,
    String lastModified,
    OperatorFacts facts) {

  public FetchedPage {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(status, "status");
    title = title == null ? "" : title;
    text = text == null ? "" : text;
    ads = List.copyOf(ads);
    links = links == null ? List.of() : List.copyOf(links);
    facts = facts == null ? OperatorFacts.NONE : facts;
  }

  /** How many links the page had. */
  public int outlinks() {
    return links.size();
  }

  /** A URL that yielded no content: a failure, a redirect, a refusal. */
  public static FetchedPage withoutContent(
      String url,
      int depth,
      String parentUrl,
      FetchStatus status,
      int httpStatus,
      String cause,
      String contentType,
      EvidenceRef evidence) {
    String host = Urls.host(url);
    return new FetchedPage(
        url,
        host == null ? "" : host,
        depth,
        parentUrl,
        status,
        httpStatus,
        cause,
        contentType,
        null,
        false,
        "",
        "",
        List.of(),
        List.of(),
        evidence,
        null,
        null,
        OperatorFacts.NONE);
  }
}
