package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import edu.uci.ics.crawler4j.url.WebURLImpl;
import java.util.List;
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
  void plainLinksAreTheirOwnNormalForm() {
    assertThat(JsoupHtmlParser.alreadyNormal("http://licai.example/p/12")).isTrue();
    assertThat(JsoupHtmlParser.alreadyNormal("https://m.licai-1.example:8443/a/b.html")).isTrue();
    for (String changed :
        List.of(
            "http://Licai.example/",
            "http://licai.example:80/",
            "https://licai.example:443/a",
            "http://licai.example",
            "http://licai.example/a/../b",
            "http://licai.example/a/./b",
            "http://licai.example//a",
            "http://licai.example/a?utm_source=x",
            "http://licai.example/a#top",
            "http://licai.example/产品",
            "http://licai.example/%7Ea",
            "http://licai..example/",
            "http://licai.example./",
            "ftp://licai.example/")) {
      assertThat(JsoupHtmlParser.alreadyNormal(changed)).as(changed).isFalse();
    }
  }

  @Test
  void whatThePlainCheckLetsThroughTheNormaliserLeavesAlone() {
    java.util.Random random = new java.util.Random(20261203);
    String hostChars = "abz09.-";
    String pathChars = "aZ09-_.~/";
    int plain = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder url = new StringBuilder(random.nextBoolean() ? "http://" : "https://");
      for (int n = 1 + random.nextInt(12); n > 0; n--) {
        url.append(hostChars.charAt(random.nextInt(hostChars.length())));
      }
      if (random.nextInt(4) == 0) {
        url.append(':').append(List.of("80", "443", "8080", "1", "065535").get(random.nextInt(5)));
      }
      url.append('/');
      for (int n = random.nextInt(14); n > 0; n--) {
        url.append(pathChars.charAt(random.nextInt(pathChars.length())));
      }
      String link = url.toString();
      if (JsoupHtmlParser.alreadyNormal(link)) {
        plain++;
        assertThat(normalizer.filter(link)).as(link).isEqualTo(link);
      }
    }
    assertThat(plain).as("enough plain links tried").isGreaterThan(2_000);
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
