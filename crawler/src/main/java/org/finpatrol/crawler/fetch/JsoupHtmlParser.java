package org.finpatrol.crawler.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.exceptions.ParseException;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.parser.HtmlParser;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.util.LinkedHashSet;
import java.util.Set;
import org.finpatrol.crawler.Urls;
import org.finpatrol.crawler.extract.Extraction;
import org.finpatrol.crawler.extract.HtmlExtractor;

/**
 * crawler4j's HTML parser slot filled with Jsoup ({@link HtmlExtractor}) instead of Tika, so the
 * page is parsed once and the extraction travels with the page to the crawler. Thread-safe.
 */
final class JsoupHtmlParser implements HtmlParser {

  /** crawler4j's parse data carrying FinPatrol's extraction. */
  static final class ExtractedParseData extends HtmlParseData {
    private final Extraction extraction;

    ExtractedParseData(Extraction extraction) {
      this.extraction = extraction;
    }

    /** Parse data for content that is not text: no extraction, no links. */
    static ExtractedParseData unsupported() {
      ExtractedParseData data = new ExtractedParseData(null);
      data.setTitle("");
      data.setText("");
      data.setMetaTags(java.util.Map.of());
      data.setOutgoingUrls(java.util.Set.of());
      return data;
    }

    /** The extraction, or null for content that is not text. */
    Extraction extraction() {
      return extraction;
    }
  }

  /** How many links' normal forms are remembered before the memory starts again. */
  static final int REMEMBERED_LINKS = 20_000;

  private static final String REFUSED = "";

  private final HtmlExtractor extractor = new HtmlExtractor();
  private final BasicURLNormalizer normalizer;
  // A site's pages link to the same pages over and over (menus, footers, lists), and
  // crawler-commons'
  // normaliser parses and rebuilds each URL: 6 % of the crawl threads' time before this memory.
  private final java.util.concurrent.ConcurrentHashMap<String, String> normalised =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final WebURLFactory factory;
  private final TLDList tldList;

  JsoupHtmlParser(BasicURLNormalizer normalizer, WebURLFactory factory, TLDList tldList) {
    this.normalizer = normalizer;
    this.factory = factory;
    this.tldList = tldList;
  }

  @Override
  public HtmlParseData parse(Page page, String contextUrl) throws ParseException {
    Extraction extraction;
    try {
      extraction = extractor.extract(page.getContentData(), page.getContentType(), contextUrl);
    } catch (RuntimeException e) {
      throw new ParseException("could not parse " + contextUrl + ": " + e, e);
    }
    ExtractedParseData data = new ExtractedParseData(extraction);
    data.setTitle(extraction.title());
    data.setText(extraction.text());
    data.setMetaTags(extraction.meta());
    data.setContentCharset(extraction.charset());
    Set<WebURL> outgoing = new LinkedHashSet<>();
    for (String link : extraction.links()) {
      String normalised = normalise(link);
      if (normalised != null) {
        WebURL url = factory.newWebUrl();
        url.setTldList(tldList);
        url.setURL(normalised);
        outgoing.add(url);
      }
    }
    data.setOutgoingUrls(outgoing);
    return data;
  }

  /**
   * Whether the link is a plain URL the normaliser would give back as it is: http or https, a host
   * of lower-case letters, digits, dots and hyphens, a port other than the scheme's own, and a path
   * of unreserved characters without dot segments or empty ones, no query, no fragment. Most links
   * of a site are, and checking costs a scan instead of a parse.
   */
  static boolean alreadyNormal(String url) {
    int at;
    boolean https;
    if (url.startsWith("http://")) {
      at = 7;
      https = false;
    } else if (url.startsWith("https://")) {
      at = 8;
      https = true;
    } else {
      return false;
    }
    int host = at;
    at = Urls.plainAuthorityEnd(url, host);
    if (at < 0) {
      return false;
    }
    int colon = url.indexOf(':', host);
    int hostEnd = colon >= 0 && colon < at ? colon : at;
    if (!alphanumeric(url.charAt(host))
        || !alphanumeric(url.charAt(hostEnd - 1))
        || url.substring(host, hostEnd).contains("..")
        || hostEnd < at && url.substring(hostEnd + 1, at).equals(https ? "443" : "80")) {
      return false;
    }
    if (at == url.length() || url.charAt(at) != '/') {
      return false;
    }
    for (int i = at; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/') {
        if (i + 1 < url.length() && (url.charAt(i + 1) == '/' || url.charAt(i + 1) == '.')) {
          return false;
        }
      } else if (!alphanumeric(c) && c != '-' && c != '_' && c != '.' && c != '~') {
        return false;
      }
    }
    return true;
  }

  private static boolean alphanumeric(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** How many links' normal forms are remembered now. */
  int remembered() {
    return normalised.size();
  }

  /** The link's normal form, or null when the normaliser refuses it. */
  String normalise(String link) {
    if (alreadyNormal(link)) {
      return link;
    }
    String known = normalised.get(link);
    if (known == null) {
      String form = normalizer.filter(link);
      known = form == null ? REFUSED : form;
      if (normalised.size() >= REMEMBERED_LINKS) {
        normalised.clear();
      }
      normalised.put(link, known);
    }
    return known.isEmpty() ? null : known;
  }
}
