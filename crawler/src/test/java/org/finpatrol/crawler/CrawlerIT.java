package org.finpatrol.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;

/** The crawler against a real HTTP server (WireMock) serving several named hosts on loopback. */
class CrawlerIT {

  private static final String HOME =
      "<html><head><title>鑫盛理财</title></head><body><p>本平台承诺保本保息，年化15%。</p>"
          + "<a href=\"/about\">关于我们</a> <a href=\"/private/x\">内部</a> <a href=\"/missing\">旧页</a>"
          + " <a href=\"/broken\">坏页</a> <a href=\"http://partner.test:PORT/landing\">合作</a></body></html>";

  @TempDir Path work;
  private WireMockServer server;
  private int port;
  private final ConcurrentLinkedQueue<FetchedPage> pages = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() throws IOException {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    port = server.port();
    server.stubFor(
        get("/robots.txt")
            .withHost(equalTo("xinsheng.test"))
            .willReturn(aResponse().withBody("User-agent: *\nDisallow: /private/\n")));
    server.stubFor(
        get("/")
            .withHost(equalTo("xinsheng.test"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(HOME.replace("PORT", String.valueOf(port)))));
    server.stubFor(
        get("/about")
            .withHost(equalTo("xinsheng.test"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(
                        "<html><title>关于我们</title><body>鑫盛财富管理有限公司<a href=\"/deep\">更多</a></body></html>")));
    server.stubFor(
        get("/deep")
            .withHost(equalTo("xinsheng.test"))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html").withBody("<p>深层页面</p>")));
    server.stubFor(
        get("/missing").withHost(equalTo("xinsheng.test")).willReturn(aResponse().withStatus(404)));
    server.stubFor(
        get("/broken").withHost(equalTo("xinsheng.test")).willReturn(aResponse().withStatus(503)));
    server.stubFor(get("/private/x").willReturn(aResponse().withBody("secret")));
    server.stubFor(
        get("/landing")
            .withHost(equalTo("partner.test"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<p>合作平台</p><a href=\"http://third.test:" + port + "/\">再跳</a>")));
    server.stubFor(
        get("/").withHost(equalTo("third.test")).willReturn(aResponse().withBody("too far")));
    server.stubFor(
        get("/")
            .withHost(equalTo("gzip.test"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<p>压缩的页面：稳赚不赔</p>".repeat(50))));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private CrawlSettings settings(int maxDepth, int politenessMs, boolean allowPrivate)
      throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    return CrawlSettings.builder(work.resolve("frontier"), work.resolve("evidence"))
        .limits(100, maxDepth, politenessMs)
        .allowPrivateNetwork(allowPrivate)
        .threads(2)
        .hostOverrides(
            Map.of(
                "xinsheng.test",
                loopback,
                "partner.test",
                loopback,
                "third.test",
                loopback,
                "gzip.test",
                loopback))
        .build();
  }

  private Map<String, FetchedPage> byPath() {
    return pages.stream()
        .collect(
            Collectors.toMap(p -> p.url().replaceFirst("http://[^/]+", ""), p -> p, (a, b) -> a));
  }

  @Test
  void crawlsSeedHostAndOneHopOffSiteObeyingRobotsAndRecordingEveryOutcome() throws IOException {
    CrawlSummary summary =
        new Crawler(settings(3, 0, true))
            .crawl(List.of("http://xinsheng.test:" + port + "/"), "run1", pages::add);

    Map<String, FetchedPage> byUrl =
        pages.stream().collect(Collectors.toMap(FetchedPage::url, p -> p, (a, b) -> a));
    String base = "http://xinsheng.test:" + port;
    assertThat(byUrl)
        .containsKeys(
            base + "/",
            base + "/about",
            base + "/deep",
            "http://partner.test:" + port + "/landing");
    assertThat(byUrl.get(base + "/").status()).isEqualTo(FetchStatus.OK);
    assertThat(byUrl.get(base + "/").title()).isEqualTo("鑫盛理财");
    assertThat(byUrl.get(base + "/").text()).contains("本平台承诺保本保息");
    assertThat(byUrl.get(base + "/about").depth()).isEqualTo(1);
    assertThat(byUrl.get(base + "/missing").status()).isEqualTo(FetchStatus.HTTP_ERROR);
    assertThat(byUrl.get(base + "/missing").httpStatus()).isEqualTo(404);
    assertThat(byUrl.get(base + "/broken").cause()).contains("503");
    assertThat(byUrl).doesNotContainKey("http://third.test:" + port + "/");
    assertThat(summary.ok()).isEqualTo(4);

    server.verify(0, getRequestedFor(urlPathEqualTo("/private/x")));
    server.verify(
        0, getRequestedFor(urlEqualTo("/")).withHeader("Host", matching("third\\.test.*")));
    server.verify(
        getRequestedFor(urlEqualTo("/about")).withHeader("User-Agent", matching(".*FinPatrol.*")));
  }

  @Test
  void evidenceHoldsTheBodyAsServedWithItsSha256() throws IOException {
    new Crawler(settings(0, 0, true))
        .crawl(List.of("http://gzip.test:" + port + "/"), "run2", pages::add);
    FetchedPage page =
        pages.stream().filter(p -> p.status() == FetchStatus.OK).findFirst().orElseThrow();
    byte[] served = "<p>压缩的页面：稳赚不赔</p>".repeat(50).getBytes(StandardCharsets.UTF_8);
    assertThat(page.evidence().sha256()).isEqualTo(WarcEvidence.sha256Hex(served));
    try (WarcReader reader =
        new WarcReader(work.resolve("evidence").resolve(page.evidence().warcFile()))) {
      reader.position(page.evidence().offset());
      WarcResponse response = (WarcResponse) reader.next().orElseThrow();
      assertThat(response.http().body().stream().readAllBytes()).isEqualTo(served);
    }
    // WireMock gzips bodies for clients that accept it; the digest is of the decoded body.
    server.verify(
        getRequestedFor(urlEqualTo("/")).withHeader("Accept-Encoding", matching(".*gzip.*")));
  }

  @Test
  void maxDepthZeroFetchesTheSeedsOnly() throws IOException {
    new Crawler(settings(0, 0, true))
        .crawl(List.of("http://xinsheng.test:" + port + "/"), "run3", pages::add);
    assertThat(byPath()).containsOnlyKeys("/");
  }

  @Test
  void privateAddressesAreRefusedWithoutTheFlag() throws IOException {
    CrawlSummary summary =
        new Crawler(settings(1, 0, false))
            .crawl(List.of("http://xinsheng.test:" + port + "/"), "run4", pages::add);
    assertThat(pages)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo(FetchStatus.BLOCKED_PRIVATE_NETWORK);
              assertThat(p.cause()).contains("127.0.0.1");
            });
    assertThat(summary.ok()).isZero();
    server.verify(0, getRequestedFor(urlEqualTo("/")));
  }

  @Test
  void politenessSpacesRequestsToTheSameHost() throws IOException {
    new Crawler(settings(2, 400, true))
        .crawl(List.of("http://xinsheng.test:" + port + "/"), "run5", pages::add);
    List<LoggedRequest> toHost =
        server.findAll(
            getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .withHeader("Host", matching("xinsheng\\.test.*")));
    List<Long> times =
        toHost.stream()
            .map(r -> r.getLoggedDate().getTime())
            .sorted(Comparator.naturalOrder())
            .toList();
    assertThat(times).hasSizeGreaterThanOrEqualTo(4);
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1))
          .as("gap before request %d", i)
          .isGreaterThanOrEqualTo(350);
    }
  }

  @Test
  void robotsTxtServerErrorMeansDisallowAllAndIsRecorded() throws IOException {
    server.stubFor(
        get("/robots.txt")
            .withHost(equalTo("partner.test"))
            .willReturn(aResponse().withStatus(503)));
    new Crawler(settings(1, 0, true))
        .crawl(List.of("http://partner.test:" + port + "/landing"), "run7", pages::add);
    assertThat(pages)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo(FetchStatus.ROBOTS_DISALLOWED);
              assertThat(p.cause()).contains("503");
            });
    server.verify(0, getRequestedFor(urlEqualTo("/landing")));
  }

  @Test
  void aDeadServerIsAFetchErrorNotACrash() throws IOException {
    server.stop();
    CrawlSummary summary =
        new Crawler(settings(1, 0, true))
            .crawl(List.of("http://xinsheng.test:" + port + "/"), "run6", pages::add);
    assertThat(pages)
        .singleElement()
        .satisfies(p -> assertThat(p.status()).isEqualTo(FetchStatus.FETCH_ERROR));
    assertThat(summary.total()).isEqualTo(1);
    server.start();
  }
}
