package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

  private final Scope scope = new Scope(Set.of("news.test"));

  @Test
  void seedHostsAndOneHopOffSite() {
    assertThat(scope.allows("http://news.test/a", "news.test")).isTrue();
    assertThat(scope.allows("https://news.test/b", null)).isTrue();
    assertThat(scope.allows("http://xinsheng.test/invest", "news.test"))
        .as("ad landing page")
        .isTrue();
    assertThat(scope.allows("http://third.test/", "xinsheng.test"))
        .as("two hops off-site")
        .isFalse();
  }

  @Test
  void refusesOtherSchemesBinariesAndHugeUrls() {
    assertThat(scope.allows("ftp://news.test/x", null)).isFalse();
    assertThat(scope.allows("javascript:alert(1)", "news.test")).isFalse();
    assertThat(scope.allows("http://news.test/logo.PNG", null)).isFalse();
    assertThat(scope.allows("http://news.test/app.apk", null)).isFalse();
    assertThat(scope.allows("http://news.test/" + "a".repeat(3000), null)).isFalse();
    assertThat(scope.allows("http://news.test/bad url", null)).isFalse();
  }
}
