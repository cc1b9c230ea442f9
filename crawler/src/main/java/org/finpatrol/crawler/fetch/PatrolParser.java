package org.finpatrol.crawler.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * crawler4j's parser replaced: every response that may be text (HTML, XHTML, plain text, no or
 * unknown type) goes through Jsoup once; clearly binary types get empty parse data, so the crawler
 * records them (with evidence) instead of crawler4j dropping them silently or handing them to Tika.
 */
final class PatrolParser extends Parser {

  private static final Set<String> BINARY_PREFIXES =
      Set.of(
          "image/",
          "audio/",
          "video/",
          "font/",
          "application/octet-stream",
          "application/pdf",
          "application/zip",
          "application/x-",
          "application/vnd.",
          "application/msword",
          "application/java");

  private final JsoupHtmlParser html;

  PatrolParser(
      CrawlConfig config,
      BasicURLNormalizer normalizer,
      JsoupHtmlParser html,
      TLDList tlds,
      WebURLFactory factory)
      throws IOException {
    super(config, normalizer, html, tlds, factory);
    this.html = html;
  }

  @Override
  public void parse(Page page) throws Exception {
    String type =
        page.getContentType() == null ? "" : page.getContentType().toLowerCase(Locale.ROOT);
    for (String prefix : BINARY_PREFIXES) {
      if (type.startsWith(prefix)) {
        page.setParseData(JsoupHtmlParser.ExtractedParseData.unsupported());
        page.setLanguage("");
        return;
      }
    }
    page.setParseData(html.parse(page, page.getWebURL().getURL()));
    page.setLanguage("");
  }
}
