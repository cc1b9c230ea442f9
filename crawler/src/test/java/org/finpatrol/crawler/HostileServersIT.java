package org.finpatrol.crawler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Hostile and awkward servers, one WireMock host each: every case ends in a recorded status with a
 * cause, and the crawl goes on.
 */
class HostileServersIT {

  private static final String SITE = "bad.test";
  private static final int MAX_BYTES = 256 * 1024;

  @TempDir Path work;
  private WireMockServer server;
  private final ConcurrentLinkedQueue<FetchedPage> pages = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String url(String path) {
    return "http://" + SITE + ":" + server.port() + path;
  }

  private CrawlSummary crawl(
      int maxDepth, Function<CrawlSettings.Builder, CrawlSettings.Builder> tune, String... paths)
      throws IOException {
    CrawlSettings.Builder b =
        CrawlSettings.builder(work.resolve("frontier"), work.resolve("evidence"))
            .limits(200, maxDepth, 0)
            .allowPrivateNetwork(true)
            .threads(2)
            .maxBytes(MAX_BYTES)
            .timeout(Duration.ofSeconds(1))
            .totalTimeout(Duration.ofSeconds(3))
            .hostOverrides(Map.of(SITE, InetAddress.getByName("127.0.0.1")));
    List<String> seeds = java.util.Arrays.stream(paths).map(this::url).toList();
    return new Crawler(tune.apply(b).build()).crawl(seeds, "hostile", pages::add);
  }

  private FetchedPage page(String path) {
    return pages.stream()
        .filter(p -> p.url().equals(url(path)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record for " + path + " in " + pages));
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void slowHeadersHitTheReadTimeout() throws IOException {
    server.stubFor(get("/slow").willReturn(aResponse().withBody("<p>慢</p>").withFixedDelay(2500)));
    crawl(0, b -> b, "/slow");
    assertThat(page("/slow").status()).isEqualTo(FetchStatus.FETCH_ERROR);
    assertThat(page("/slow").cause()).containsIgnoringCase("timed out");
  }

  @Test
  void aSlowDripBodyHitsTheTotalTimeCap() throws IOException {
    server.stubFor(
        get("/drip")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody("<p>" + "慢".repeat(2000) + "</p>")
                    .withChunkedDribbleDelay(40, 8000)));
    long started = System.nanoTime();
    crawl(0, b -> b.timeout(Duration.ofSeconds(5)), "/drip");
    assertThat(page("/drip").status()).isEqualTo(FetchStatus.FETCH_ERROR);
    assertThat(page("/drip").cause()).contains("total time cap");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void anOversizedBodyIsTruncatedAndMarkedInTheEvidence() throws IOException {
    byte[] big =
        ("<html><body><p>" + "保本保息".repeat(100_000) + "</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    server.stubFor(
        get("/big")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(big)));
    crawl(0, b -> b, "/big");
    FetchedPage p = page("/big");
    assertThat(p.status()).isEqualTo(FetchStatus.OK);
    assertThat(p.truncated()).isTrue();
    assertThat(p.cause()).contains("truncated");
    byte[] kept = java.util.Arrays.copyOf(big, MAX_BYTES);
    assertThat(p.evidence().sha256()).isEqualTo(WarcEvidence.sha256Hex(kept));
    try (WarcReader reader =
        new WarcReader(work.resolve("evidence").resolve(p.evidence().warcFile()))) {
      reader.position(p.evidence().offset());
      WarcResponse response = (WarcResponse) reader.next().orElseThrow();
      assertThat(response.headers().first("WARC-Truncated")).contains("length");
    }
  }

  @Test
  void aGzipBombInflatesOnlyUpToTheCap() throws IOException {
    byte[] bomb = gzip(new byte[200 * 1024 * 1024]);
    server.stubFor(
        get("/bomb")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withHeader("Content-Encoding", "gzip")
                    .withBody(bomb)));
    long started = System.nanoTime();
    crawl(0, b -> b, "/bomb");
    FetchedPage p = page("/bomb");
    assertThat(p.truncated() || p.status() != FetchStatus.OK).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void redirectChainsStopAndLoopsEnd() throws IOException {
    for (int i = 1; i <= 10; i++) {
      server.stubFor(
          get("/r" + i)
              .willReturn(aResponse().withStatus(302).withHeader("Location", "/r" + (i + 1))));
    }
    server.stubFor(get("/a").willReturn(aResponse().withStatus(301).withHeader("Location", "/b")));
    server.stubFor(get("/b").willReturn(aResponse().withStatus(301).withHeader("Location", "/a")));
    crawl(3, b -> b, "/r1", "/a");
    long chain = pages.stream().filter(p -> p.url().matches(".*/r\\d+")).count();
    assertThat(chain).isBetween(5L, 7L);
    assertThat(pages)
        .filteredOn(p -> p.url().endsWith("/a") || p.url().endsWith("/b"))
        .allMatch(p -> p.status() == FetchStatus.REDIRECT)
        .hasSize(2);
    server.verify(0, getRequestedFor(urlEqualTo("/r9")));
  }

  @Test
  void retryAfterIsRecordedAndPausesTheHost() throws IOException {
    server.stubFor(
        get("/busy").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));
    server.stubFor(
        get("/limited").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
    server.stubFor(
        get("/next")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html").withBody("<p>下一页</p>")));
    crawl(0, b -> b.threads(1), "/busy", "/next");
    assertThat(page("/busy").status()).isEqualTo(FetchStatus.HTTP_ERROR);
    assertThat(page("/busy").cause()).contains("503").contains("Retry-After 2 s");
    var log =
        server.getAllServeEvents().stream()
            .filter(e -> !e.getRequest().getUrl().equals("/robots.txt"))
            .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
            .map(e -> e.getRequest().getLoggedDate().getTime())
            .toList();
    assertThat(log).hasSize(2);
    assertThat(log.get(1) - log.get(0)).isGreaterThanOrEqualTo(1900);
  }

  @Test
  void binaryMalformedAndNulBodiesAreRecordedHonestly() throws IOException {
    server.stubFor(
        get("/binary")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'})));
    server.stubFor(
        get("/image")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "image/png")
                    .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
    server.stubFor(
        get("/malformed")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body><div><p>保本保息<table><tr><td>年化15%</div></span></body>")));
    server.stubFor(
        get("/nul")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<p>保本\u0000保息\u0001！</p>".getBytes(StandardCharsets.UTF_8))));
    crawl(0, b -> b, "/binary", "/image", "/malformed", "/nul");
    assertThat(page("/binary").status()).isEqualTo(FetchStatus.UNSUPPORTED_CONTENT);
    assertThat(page("/binary").cause()).contains("binary");
    assertThat(page("/binary").evidence()).isNotNull();
    assertThat(page("/image").status()).isEqualTo(FetchStatus.UNSUPPORTED_CONTENT);
    assertThat(page("/malformed").status()).isEqualTo(FetchStatus.OK);
    assertThat(page("/malformed").text()).contains("保本保息", "年化15%");
    assertThat(page("/nul").status()).isEqualTo(FetchStatus.OK);
    assertThat(page("/nul").text()).isEqualTo("保本保息！");
  }

  @Test
  void conditionalGetGivesNotModifiedWithEvidence() throws IOException {
    server.stubFor(
        get("/same")
            .withHeader("If-None-Match", equalTo("\"v1\""))
            .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
    server.stubFor(
        get("/same")
            .withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.absent())
            .willReturn(
                aResponse()
                    .withHeader("ETag", "\"v1\"")
                    .withHeader("Last-Modified", "Tue, 24 Nov 2026 08:00:00 GMT")
                    .withHeader("Content-Type", "text/html")
                    .withBody("<p>未变</p>")));
    crawl(0, b -> b, "/same");
    FetchedPage first = page("/same");
    assertThat(first.status()).isEqualTo(FetchStatus.OK);
    assertThat(first.etag()).startsWith("\"v1");
    assertThat(first.lastModified()).isEqualTo("Tue, 24 Nov 2026 08:00:00 GMT");
    pages.clear();
    crawl(0, b -> b.validators(u -> new Validators(first.etag(), first.lastModified())), "/same");
    FetchedPage second = page("/same");
    assertThat(second.status()).isEqualTo(FetchStatus.NOT_MODIFIED);
    assertThat(second.evidence()).isNotNull();
  }

  @Test
  void aNotModifiedPageStillLeadsToTheLinksItHad() throws IOException {
    server.stubFor(
        get("/hub")
            .withHeader("If-None-Match", equalTo("\"hub\""))
            .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"hub\"")));
    server.stubFor(
        get("/hub")
            .withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.absent())
            .willReturn(
                aResponse()
                    .withHeader("ETag", "\"hub\"")
                    .withHeader("Content-Type", "text/html")
                    .withBody("<p>产品列表</p><a href=\"/leaf\">稳盈1号</a>")));
    server.stubFor(
        get("/leaf")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html").withBody("<p>保本保息</p>")));
    crawl(1, b -> b, "/hub");
    FetchedPage hub = page("/hub");
    assertThat(hub.links()).singleElement().satisfies(l -> assertThat(l).endsWith("/leaf"));
    assertThat(page("/leaf").status()).isEqualTo(FetchStatus.OK);
    pages.clear();
    crawl(
        1,
        b ->
            b.validators(
                u -> u.endsWith("/hub") ? new Validators(hub.etag(), null, hub.links()) : null),
        "/hub");
    assertThat(page("/hub").status()).isEqualTo(FetchStatus.NOT_MODIFIED);
    assertThat(page("/leaf").status())
        .as("followed from the 304's remembered links")
        .isEqualTo(FetchStatus.OK);
  }

  @Test
  void aHostThatStopsAnsweringIsNotAskedAgainAfterFiveFailuresInARow() throws IOException {
    // robots.txt answers (404), then every page resets the connection: the host died mid-patrol.
    server.stubFor(
        get(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/dead/.*"))
            .willReturn(
                aResponse()
                    .withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    String[] paths =
        java.util.stream.IntStream.range(0, 9).mapToObj(i -> "/dead/" + i).toArray(String[]::new);
    crawl(0, b -> b.threads(1), paths);
    assertThat(pages)
        .hasSize(9)
        .allSatisfy(p -> assertThat(p.status()).isNotEqualTo(FetchStatus.OK));
    assertThat(
            pages.stream().filter(p -> p.cause() != null && p.cause().contains("not asked again")))
        .as(pages.stream().map(p -> p.url() + " " + p.cause()).toList().toString())
        .hasSize(4);
    assertThat(
            server.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/dead/.*"))))
        .as("the host was asked five times, then left alone")
        .hasSize(5);
  }

  @Test
  void aNearlyFullDiskStopsTheCrawlBeforeAnythingIsTorn() throws IOException {
    server.stubFor(
        get("/full")
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html").withBody("<p>保本保息</p>")));
    CrawlSummary summary = crawl(0, b -> b.minFreeBytes(Long.MAX_VALUE / 4), "/full");
    assertThat(summary.stoppedBecause())
        .contains("MiB free on the disk of")
        .contains("the patrol stops before the disk fills");
    assertThat(pages).as("a page without its evidence is not handed over").isEmpty();
  }

  @Test
  void crawlDelayFromRobotsIsHonoured() throws IOException {
    server.stubFor(
        get("/robots.txt").willReturn(aResponse().withBody("User-agent: *\nCrawl-delay: 1\n")));
    server.stubFor(
        get("/")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody("<a href=\"/1\">1</a><a href=\"/2\">2</a><a href=\"/3\">3</a>")));
    server.stubFor(
        get(urlMatching("/\\d"))
            .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>页</p>")));
    crawl(1, b -> b.threads(3), "/");
    List<Long> times =
        server.getAllServeEvents().stream()
            .filter(e -> !e.getRequest().getUrl().equals("/robots.txt"))
            .map(e -> e.getRequest().getLoggedDate().getTime())
            .sorted()
            .toList();
    assertThat(times).hasSize(4);
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1)).as("gap %d", i).isGreaterThanOrEqualTo(900);
    }
  }

  @Test
  void anEndlessSiteStopsAtTheHostBudget() throws IOException {
    server.stubFor(
        get(urlMatching("/page/\\d+"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withTransformers("response-template")
                    .withBody(
                        "<a href=\"/page/{{math request.pathSegments.[1] '+' 1}}\">下一页</a><a href=\"/page/{{math request.pathSegments.[1] '+' 2}}\">再下页</a>")));
    CrawlSummary summary = crawl(100, b -> b.perHostMaxPages(12), "/page/1");
    assertThat(summary.byStatus().getOrDefault(FetchStatus.OK, 0L)).isLessThanOrEqualTo(12);
    assertThat(summary.notFollowed()).containsKey("HOST_BUDGET");
  }

  @Test
  void trackingParametersAndFragmentsDoNotMakeNewPages() throws IOException {
    server.stubFor(
        get(urlMatching("/list.*"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        "<a href=\"/item?id=1&utm_source=weixin\">1</a><a href=\"/item?id=1#top\">1</a>"
                            + "<a href=\"/ITEM/../item?id=1&spm=a1.b2\">1</a><a href=\"HTTP://BAD.TEST:"
                            + "PORT/item?id=1\">1</a>")));
    server.stubFor(
        get(urlMatching("/item.*"))
            .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<p>商品</p>")));
    crawl(1, b -> b, "/list");
    server.verify(1, getRequestedFor(urlEqualTo("/item?id=1")));
    assertThat(pages.stream().map(FetchedPage::url).collect(Collectors.toSet()))
        .contains(url("/item?id=1"));
  }
}
