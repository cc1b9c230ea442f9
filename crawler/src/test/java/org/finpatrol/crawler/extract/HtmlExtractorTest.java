package org.finpatrol.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.finpatrol.crawler.Ad;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

  private final HtmlExtractor extractor = new HtmlExtractor();

  private static byte[] page(String name) throws IOException {
    try (InputStream in = HtmlExtractorTest.class.getResourceAsStream("/pages/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void whitespaceIsNormalisedAsJsoupNormalisesIt() {
    String[] pieces = {
      "保本保息", "年化", " ", "  ", "\n", "\t", "\r", "\f", "\u00a0", "\u200b", "\u00ad", "\u3000", "a",
      "😀", "\ud83d", "，", "15%"
    };
    java.util.Random random = new java.util.Random(20261204);
    int changed = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String jsoup = new org.jsoup.nodes.TextNode(text.toString()).text();
      assertThat(HtmlExtractor.normaliseWhitespace(text.toString()))
          .as("%s", text.toString().codePoints().boxed().toList())
          .isEqualTo(jsoup);
      if (!jsoup.equals(text.toString())) {
        changed++;
      }
    }
    assertThat(changed).as("texts that normalising changes").isBetween(5_000, 19_000);
  }

  @Test
  void textHasNoSpaceBeforeALineBreakAndNoEmptyLineWhateverTheMarkup() {
    String[] pieces = {
      "<p>", "</p>", "<div>", "</div>", "<br>", "<li>", "<td>", "<span>", "</span>", "<b>", " ",
      "\n", "\t", "&nbsp;", "\u3000", "\u200b", "保本保息", "年化15%", "，", "<hr>", "<h2>", "</h2>"
    };
    java.util.Random random = new java.util.Random(20261204);
    int multiline = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder html = new StringBuilder("<body>");
      for (int i = random.nextInt(30); i > 0; i--) {
        html.append(pieces[random.nextInt(pieces.length)]);
      }
      String text = HtmlExtractor.text(org.jsoup.Jsoup.parse(html.toString()).body());
      assertThat(text).as(html.toString()).doesNotContainPattern("[ \\t]\\n|\\n\\n");
      assertThat(text).as(html.toString()).isEqualTo(text.strip());
      if (text.contains("\n")) {
        multiline++;
      }
    }
    assertThat(multiline).as("texts of several lines").isGreaterThan(1_000);
  }

  @Test
  void cleaningDropsControlCharactersAndReplacementCharactersOnly() {
    assertThat(HtmlExtractor.clean("\u0000保本\u0001保息\uFFFD\n年化\t15%\u007f\u0085\u009f"))
        .isEqualTo("保本保息\n年化\t15%");
    assertThat(HtmlExtractor.clean("稳赚不赔\u0000")).isEqualTo("稳赚不赔");
    assertThat(HtmlExtractor.clean("\u00a0理财非存款\n")).isEqualTo("\u00a0理财非存款\n");
    String clean = "首付贷，年化15%，保本保息。";
    assertThat(HtmlExtractor.clean(clean)).isSameAs(clean);
    assertThat(HtmlExtractor.clean("")).isEmpty();
  }

  @Test
  void newsPageKeepsItsTextAndReportsItsAdsSeparately() throws IOException {
    Extraction ex =
        extractor.extract(page("news-with-ad.html"), "text/html", "http://news.test/a/1");
    assertThat(ex.title()).isEqualTo("鹤城新闻网 — 本地财经");
    assertThat(ex.text())
        .contains("记者从市金融工作局获悉", "专家提醒")
        .doesNotContain("保本保息", "稳赚不赔", "首页", "tracking");
    assertThat(ex.ads())
        .extracting(Ad::landingUrl)
        .contains(
            "http://xinsheng.test/invest",
            "http://landing.test/p?id=1",
            "http://adnet.test/slot/1");
    assertThat(ex.ads())
        .filteredOn(a -> "http://xinsheng.test/invest".equals(a.landingUrl()))
        .singleElement()
        .satisfies(a -> assertThat(a.text()).isEqualTo("鑫盛理财 保本保息 年化15% 立即投资"));
    assertThat(ex.ads())
        .filteredOn(a -> "http://landing.test/p?id=1".equals(a.landingUrl()))
        .singleElement()
        .satisfies(a -> assertThat(a.text()).contains("稳赚不赔 月息2分"));
    assertThat(ex.links())
        .contains("http://news.test/list?page=2", "http://xinsheng.test/invest")
        .noneMatch(l -> l.startsWith("javascript:") || l.startsWith("mailto:"));
  }

  @Test
  void anAdsLabelsAreTakenOffTheSameWayEveryTime() {
    assertThat(HtmlExtractor.withoutLeadingLabels("广告推广 稳赚不赔")).isEqualTo("稳赚不赔");
    assertThat(HtmlExtractor.withoutLeadingLabels("广告 推广 年化15%")).isEqualTo("年化15%");
    assertThat(HtmlExtractor.withoutLeadingLabels("Sponsored 高收益理财")).isEqualTo("高收益理财");
    assertThat(HtmlExtractor.withoutLeadingLabels("AD：保本")).isEqualTo("：保本");
    assertThat(HtmlExtractor.withoutLeadingLabels("ads 保本保息")).isEqualTo("ads 保本保息");
    assertThat(HtmlExtractor.withoutLeadingLabels("advance 理财")).isEqualTo("advance 理财");
    assertThat(HtmlExtractor.withoutLeadingLabels("广告")).isEmpty();
  }

  @Test
  void anElementWhoseOwnTextIsALabelMarksAnAdWhateverTheSpacing() {
    String html =
        // Ten spaces of two kinds around a label: more characters than any label, but no letters.
        "<html><body><div><span>\u00a0\u00a0\u00a0\u00a0\u00a0\u3000\u3000\u3000\u3000\u3000广告\u00a0"
            + "</span><a href=\"/x\">鑫盛理财 保本保息</a></div>"
            + "<div>\u3000推广\n<a href=\"/y\">稳赚不赔</a></div>"
            // A label padded with characters Jsoup drops from text: s&shy;p&shy;o... and
            // zero-width.
            + "<p><b>S&shy;p&shy;o&shy;n&shy;s&shy;o&shy;r&shy;e&shy;d\u200b\u200b</b>"
            + "<a href=\"/w\">月息2分</a></p>"
            + "<div><span>这不是一个广告标签而是一段较长的文字</span><a href=\"/z\">新闻</a></div>"
            + "</body></html>";
    Extraction ex =
        extractor.extract(
            html.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "text/html; charset=utf-8",
            "http://news.test/");
    assertThat(ex.ads())
        .extracting(Ad::landingUrl, Ad::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("http://news.test/x", "鑫盛理财 保本保息"),
            org.assertj.core.groups.Tuple.tuple("http://news.test/y", "稳赚不赔"),
            org.assertj.core.groups.Tuple.tuple("http://news.test/w", "月息2分"));
  }

  @Test
  void blockElementsBecomeLines() throws IOException {
    Extraction ex = extractor.extract(page("news-with-ad.html"), null, "http://news.test/a/1");
    assertThat(ex.text().lines()).contains("我市开展互联网金融风险专项整治", "专家提醒，投资理财要选择正规机构。");
  }

  @Test
  void gb2312LabelIsDecodedAsGb18030SoGbkOnlyCharactersSurvive() throws IOException {
    Extraction ex =
        extractor.extract(page("gb2312-declared-gbk-chars.html"), "text/html", "http://x.test/");
    assertThat(ex.charset()).isEqualTo("GB18030");
    assertThat(ex.title()).isEqualTo("鑫盛理财");
    assertThat(ex.text()).contains("本平台承诺保本保息", "镕字为GBK独有：镕");
  }

  @Test
  void headerCharsetWinsAndBig5IsDecoded() throws IOException {
    Extraction ex =
        extractor.extract(page("big5.html"), "text/html; charset=big5", "http://tw.test/");
    assertThat(ex.title()).isEqualTo("台灣理財");
    assertThat(ex.text()).isEqualTo("穩賺不賠，年化１５％");
  }

  @Test
  void undeclaredGbkIsDetected() throws IOException {
    Extraction ex = extractor.extract(page("gbk-undeclared.html"), "text/html", "http://x.test/");
    assertThat(ex.charset()).isEqualTo("GB18030");
    assertThat(ex.text()).contains("保本保息", "百分之十五");
  }

  @Test
  void undeclaredBig5IsToldApartFromGbk() throws IOException {
    Extraction ex = extractor.extract(page("big5-undeclared.html"), "text/html", "http://tw.test/");
    assertThat(ex.charset()).isEqualTo("Big5-HKSCS");
    assertThat(ex.charsetBasis()).isEqualTo("detected");
    assertThat(ex.title()).isEqualTo("台灣理財平台");
    // Traditional text is kept as fetched; normalisation happens downstream.
    assertThat(ex.text()).contains("穩賺不賠", "銀行資金存管");
  }

  @Test
  void utf8DeclaredAsGbkIsCorrected() throws IOException {
    Extraction ex =
        extractor.extract(page("utf8-declared-gbk.html"), "text/html", "http://x.test/");
    assertThat(ex.charset()).isEqualTo("UTF-8");
    assertThat(ex.charsetBasis()).isEqualTo("corrected");
    assertThat(ex.text()).contains("本平台承诺保本保息");
  }

  @Test
  void operatorFactsComeFromTheWholePageIncludingTheFooter() throws IOException {
    Extraction ex = extractor.extract(page("facts.html"), null, "http://xinsheng.test/about");
    var f = ex.facts();
    assertThat(f.companies()).containsExactly("鑫盛财富管理有限公司");
    assertThat(f.icpNumbers()).containsExactly("豫ICP备12345678号-1");
    assertThat(f.phones()).containsExactly("0392-3208867", "400-830-1276", "13800138000");
    assertThat(f.addresses()).anyMatch(a -> a.startsWith("河南省鹤壁市淇滨区九州路18号"));
    assertThat(f.custodyBanks()).containsExactly("恒丰银行");
    assertThat(f.licences())
        .extracting(l -> l.kind() + " " + l.number() + " " + l.wellFormed())
        .containsExactly("支付业务许可证 Z2004944000010 true", "金融许可证 B0001H12345 false");
    assertThat(ex.text()).doesNotContain("Copyright");
  }

  @Test
  void sponsoredLinksAreAds() {
    Extraction ex =
        extractor.extract(
            "<p>正文</p><a rel=\"sponsored nofollow\" href=\"http://p2p.test/\">高收益理财</a>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "text/html",
            "http://x.test/");
    assertThat(ex.ads())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.reason()).isEqualTo("sponsored link");
              assertThat(a.labelled()).isFalse();
              assertThat(a.landingUrl()).isEqualTo("http://p2p.test/");
            });
    assertThat(ex.text()).isEqualTo("正文");
  }

  @Test
  void anAdShowingTheLabelIsLabelled() {
    Extraction ex =
        extractor.extract(
            "<div class=\"ad-box\"><span>广告</span><a href=\"http://p2p.test/\">高收益理财</a></div>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "text/html",
            "http://x.test/");
    assertThat(ex.ads()).singleElement().satisfies(a -> assertThat(a.labelled()).isTrue());
  }

  @Test
  void binaryBodiesAreRecognised() {
    assertThat(HtmlExtractor.looksBinary(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}))
        .isTrue();
    assertThat(
            HtmlExtractor.looksBinary(
                "<html>保本</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Test
  void utf8BomIsHonoured() throws IOException {
    Extraction ex = extractor.extract(page("utf8-bom.html"), null, "http://x.test/");
    assertThat(ex.title()).isEqualTo("带BOM的页面");
  }

  @Test
  void binaryAndMalformedBodiesDoNotThrow() {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    Extraction ex = extractor.extract(junk, "text/html", "http://x.test/");
    assertThat(ex.links()).isEmpty();
    Extraction nul =
        extractor.extract(
            "<html><title>a\u0000b</title><p>保本\u0000保息<div><p>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "text/html",
            "http://x.test/");
    assertThat(nul.text()).contains("保本");
  }
}
