package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.finpatrol.crawler.fetch.Scope.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeTest {

  private final Scope scope = new Scope(Set.of("news.test"), 100);

  @Test
  void seedHostsAreInScopeAndOtherHostsOnlyThroughAdsOrFinancialPages() {
    assertThat(scope.decide("http://news.test/a", "news.test", false, false)).isNull();
    assertThat(scope.decide("https://news.test/b", null, false, false)).isNull();
    assertThat(scope.decide("http://sports.test/", "news.test", false, false))
        .isEqualTo(Refusal.OUT_OF_SCOPE);
    assertThat(scope.decide("http://xinsheng.test/invest", "news.test", true, false)).isNull();
    // Admitted through the ad, the platform is now in scope itself.
    assertThat(scope.inScope("xinsheng.test")).isTrue();
    assertThat(scope.decide("http://xinsheng.test/products", "xinsheng.test", false, false))
        .isNull();
    assertThat(scope.decide("http://huitong.test/", "news.test", false, true)).isNull();
    assertThat(scope.decide("http://third.test/", "elsewhere.test", true, true))
        .isEqualTo(Refusal.OUT_OF_SCOPE);
  }

  @Test
  void aPartitionFollowsNoLinkToAnotherPartitionsHost() {
    // Worker of the partition that owns news.test and xinsheng.test, not huitong.test.
    Scope partition = new Scope(Set.of("news.test"), 100, h -> !h.equals("huitong.test"));
    assertThat(partition.decide("http://xinsheng.test/invest", "news.test", true, false)).isNull();
    assertThat(partition.decide("http://huitong.test/", "news.test", true, true))
        .isEqualTo(Refusal.OTHER_PARTITION);
    assertThat(partition.inScope("huitong.test")).isFalse();
    assertThat(partition.decide("http://sports.test/", "news.test", false, false))
        .isEqualTo(Refusal.OUT_OF_SCOPE);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ftp://news.test/x, NOT_HTTP",
    "javascript:alert(1), NOT_HTTP",
    "http://news.test/logo.PNG, BINARY",
    "http://news.test/app.apk, BINARY",
    "http://news.test/a/b/a/b/a/c, REPEATED_SEGMENTS",
    "http://news.test/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16, TOO_DEEP",
    "'http://news.test/s?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9', TOO_MANY_PARAMETERS",
    "http://news.test/calendar/1970/01/, CALENDAR",
    "http://news.test/events?date=2099-01-01, CALENDAR",
  })
  void trapsAreRefused(String url, Refusal expected) {
    assertThat(scope.decide(url, "news.test", false, false)).isEqualTo(expected);
  }

  @Test
  void hugeUrlsAreRefused() {
    assertThat(scope.decide("http://news.test/" + "a".repeat(3000), null, false, false))
        .isEqualTo(Refusal.TOO_LONG);
  }

  @Test
  void datedArticlesAreNotCalendarsButEndlessCalendarsRunOutOfPages() {
    assertThat(Scope.isCalendar("/2026/11/24/article.html", null)).isFalse();
    assertThat(Scope.isCalendar("/events/2026/11/", null)).isTrue();
    int fetched = 0;
    for (int month = 0; month < 120; month++) {
      String url =
          "http://news.test/cal?month="
              + (2020 + month / 12)
              + "-"
              + String.format(java.util.Locale.ROOT, "%02d", month % 12 + 1);
      if (scope.decide(url, "news.test", false, false) == null) {
        fetched++;
      }
    }
    assertThat(fetched).isEqualTo(Scope.MAX_CALENDAR_PAGES);
  }

  @Test
  void eachHostHasAPageBudget() {
    Scope small = new Scope(Set.of("shop.test"), 5);
    long allowed = 0;
    for (int i = 0; i < 20; i++) {
      if (small.decide("http://shop.test/item/" + i, "shop.test", false, false) == null) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(5);
    assertThat(small.decide("http://shop.test/item/99", "shop.test", false, false))
        .isEqualTo(Refusal.HOST_BUDGET);
  }

  @Test
  void financeWordsMarkPagesWhoseLinksAreWorthFollowing() {
    assertThat(Scope.mentionsFinance("鑫盛理财，年化15%")).isTrue();
    assertThat(Scope.mentionsFinance("今日天气晴")).isFalse();
  }
}
