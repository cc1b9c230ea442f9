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

  private final HtmlExtractor extractor = new HtmlExtractor();
  private final BasicURLNormalizer normalizer;
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
      String normalised = normalizer.filter(link);
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
}
