package org.finpatrol.crawler.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class LinkResolutionsTest {

  /** Pages of a few sites: same origins under different paths, so remembered links come back. */
  private static final List<String> BASES =
      List.of(
          "http://鑫盛理财.test/产品/列表.html",
          "http://鑫盛理财.test/",
          "http://鑫盛理财.test/产品/详情/12?期限=12个月#收益",
          "http://鑫盛理财.test",
          "https://user:口令@licai.test:8443/a/b/c",
          "https://user:口令@licai.test:8443/x",
          "http://licai.test?id=3/四",
          "http://LICAI.test/大写",
          "http://licai.test\t/控制/字符",
          "http://127.0.0.1:8080/p/3",
          "http://127.0.0.1:080/p/3",
          "http://127.0.0.1:/p/3",
          "http://licai.test:80/p/3",
          "https://licai.test:99999/p",
          "http://licai.test.:8443?q=1",
          "http://licai.test#首页",
          "https://licai-1.test/p/3",
          "ftp://licai.test/文件/");

  /** Pieces of links, hostile ones among them: dot segments, control characters, other schemes. */
  private static final List<String> PIECES =
      List.of(
          "/",
          "//",
          "/../",
          "./",
          "..",
          "?",
          "#",
          "保本理财",
          "a",
          " ",
          "%20",
          "%zz",
          "\t",
          "\n",
          "\u0000",
          "http://",
          "https://",
          "HTTP://",
          "javascript:",
          "@",
          ":",
          "\\",
          "licai.test",
          "8080",
          "年化15%",
          "=",
          "&");

  private static final List<String> PLAIN_PIECES =
      List.of("p/", "p", "12", "/", "?id=", "&x=", "-", "_", "~", "+", "%20", ".", "..");

  @Test
  void resolvesEveryLinkAsJsoupDoesWhetherRememberedOrNot() {
    Random random = new Random(20261204);
    List<String> links = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      // Half the links from the pieces of plain paths, which are mostly spelled out directly.
      List<String> pieces = i % 2 == 0 ? PIECES : PLAIN_PIECES;
      StringBuilder link = new StringBuilder(i % 2 == 0 ? "" : "/");
      for (int n = 1 + random.nextInt(5); n > 0; n--) {
        link.append(pieces.get(random.nextInt(pieces.size())));
      }
      links.add(link.toString());
    }
    LinkResolutions resolutions = new LinkResolutions();
    int compared = 0;
    // Twice over every page: the second round answers from memory wherever it may.
    for (int round = 0; round < 2; round++) {
      for (String base : BASES) {
        Document page = Document.createShell(base);
        for (String link : links) {
          Element a = page.body().appendElement("a").attr("href", link);
          assertThat(resolutions.absUrl(a, "href"))
              .as("%s against %s", link, base)
              .isEqualTo(a.absUrl("href"));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(2 * BASES.size() * links.size());
    // Every way through was taken: spelled out directly, remembered, and left to Jsoup.
    assertThat(links.stream().filter(LinkResolutions::plainPath).count()).isGreaterThan(500);
    assertThat(BASES.stream().filter(b -> LinkResolutions.plainOrigin(b) != null).count())
        .isGreaterThan(3);
    assertThat(resolutions.remembered()).isPositive();
  }

  @Test
  void rootRelativeLinksResolveAgainstTheBaseElementsOrigin() {
    LinkResolutions resolutions = new LinkResolutions();
    Document direct = Jsoup.parse("<a href='/产品/1'>产品</a>", "http://鑫盛理财.test/新闻/1");
    Document based =
        Jsoup.parse(
            "<base href='https://cdn.licai.test/站点/'><a href='/产品/1'>产品</a>",
            "http://鑫盛理财.test/新闻/2");
    assertThat(resolutions.absUrl(direct.selectFirst("a"), "href"))
        .isEqualTo("http://鑫盛理财.test/产品/1");
    assertThat(resolutions.absUrl(based.selectFirst("a"), "href"))
        .isEqualTo("https://cdn.licai.test/产品/1");
  }

  @Test
  void pathRelativeLinksAreNotRememberedAndTheMemoryIsBounded() {
    LinkResolutions resolutions = new LinkResolutions();
    Document page = Document.createShell("http://鑫盛理财.test/产品/列表.html");
    Element relative = page.body().appendElement("a").attr("href", "详情.html");
    assertThat(resolutions.absUrl(relative, "href")).isEqualTo("http://鑫盛理财.test/产品/详情.html");
    assertThat(resolutions.remembered()).isZero();
    for (int i = 0; i <= LinkResolutions.REMEMBERED; i++) {
      Element a = page.body().appendElement("a").attr("href", "/p/" + i);
      assertThat(resolutions.absUrl(a, "href")).isEqualTo("http://鑫盛理财.test/p/" + i);
    }
    assertThat(resolutions.remembered()).isBetween(1, LinkResolutions.REMEMBERED);
  }
}
