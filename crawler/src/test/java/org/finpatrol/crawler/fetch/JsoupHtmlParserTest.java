package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import edu.uci.ics.crawler4j.url.WebURLImpl;
import org.junit.jupiter.api.Test;

class JsoupHtmlParserTest {

  private final BasicURLNormalizer normalizer = Crawler4jParts.normalizer();
  private final JsoupHtmlParser parser =
      new JsoupHtmlParser(normalizer, (WebURLFactory) WebURLImpl::new, null);

  @Test
  void aRememberedLinkHasTheNormalFormTheNormaliserGives() {
    String link = "HTTP://WWW.Licai.example:80/a/../产品?utm_source=广告&id=7#购买";
    String expected = normalizer.filter(link);
    assertThat(expected).isNotNull().isNotEqualTo(link);
    assertThat(parser.normalise(link)).isEqualTo(expected);
    assertThat(parser.normalise(link)).as("remembered").isEqualTo(expected);
  }

  @Test
  void aRefusedLinkStaysRefused() {
    String link = "http://";
    assertThat(normalizer.filter(link)).isNull();
    assertThat(parser.normalise(link)).isNull();
    assertThat(parser.normalise(link)).isNull();
  }

  @Test
  void theMemoryStartsAgainWhenFullAndStillAnswersRight() {
    for (int i = 0; i < JsoupHtmlParser.REMEMBERED_LINKS * 2 + 5; i++) {
      String link = "http://理财.example/p/" + i + "?utm_medium=x";
      assertThat(parser.normalise(link)).isEqualTo(normalizer.filter(link));
      assertThat(parser.remembered()).isBetween(1, JsoupHtmlParser.REMEMBERED_LINKS);
    }
    assertThat(parser.normalise("http://理财.example/p/3?utm_medium=x"))
        .isEqualTo(normalizer.filter("http://理财.example/p/3?utm_medium=x"));
  }
}
