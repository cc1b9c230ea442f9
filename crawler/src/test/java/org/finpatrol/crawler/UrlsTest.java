package org.finpatrol.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {

  @Test
  void subdomainsOfOneRegistrableDomainAreOnePlatform() {
    assertThat(Urls.platform("www.xinsheng.com.cn")).isEqualTo("xinsheng.com.cn");
    assertThat(Urls.platform("M.Xinsheng.com.cn.")).isEqualTo("xinsheng.com.cn");
    assertThat(Urls.platform("a.b.hebi.gov.cn")).isEqualTo("hebi.gov.cn");
    assertThat(Urls.platform("licai.xinsheng.test")).isEqualTo("xinsheng.test");
    assertThat(Urls.platform("xinsheng.test")).isEqualTo("xinsheng.test");
  }

  @Test
  void addressesAndSingleLabelsStayAsTheyAre() {
    assertThat(Urls.platform("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(Urls.platform("[::1]")).isEqualTo("[::1]");
    assertThat(Urls.platform("localhost")).isEqualTo("localhost");
    assertThat(Urls.host("http://WWW.Xinsheng.test:8080/a?b")).isEqualTo("www.xinsheng.test");
  }
}
