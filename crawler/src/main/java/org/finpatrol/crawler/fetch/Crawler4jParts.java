package org.finpatrol.crawler.fetch;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.parser.HtmlParser;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURLFactory;

/**
 * Gives the crawler facade this package's crawler4j replacements without making their classes
 * public: the Jsoup-backed parser and the per-host politeness.
 */
public final class Crawler4jParts {
  public HtmlParser jsoup(BasicURLNormalizer normalizer, WebURLFactory factory, TLDList tlds) {
    return new JsoupHtmlParser(normalizer, factory, tlds);
  }

  public PolitenessServer politeness(long delayMs) {
    return new HostPoliteness(delayMs);
  }
}
