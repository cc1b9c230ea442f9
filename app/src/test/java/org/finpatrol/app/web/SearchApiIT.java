package org.finpatrol.app.web;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.finpatrol.app.TestSites.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.patrol.PatrolRequest;
import org.finpatrol.app.patrol.PatrolService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/search} over HTTP after a patrol: filters, facets, order, look-alikes, errors. */
class SearchApiIT {

  private static final String PLATFORM =
      "<html><head><title>鑫盛理财</title></head><body><p>鹤壁鑫盛财富管理有限公司。本平台承诺保本保息，"
          + "年化收益15%，立即投资！</p><a href=\"/copy\">分站</a></body></html>";
  private static final String COPY =
      "<html><head><title>鑫盛理财分站</title></head><body><p>鹤壁鑫盛财富管理有限公司。本平台承诺保本保息，"
          + "年化收益15%，立即投资！</p></body></html>";
  private static final String BANK =
      "<html><head><title>鹤壁银行</title></head><body><p>理财非存款，产品有风险，投资须谨慎。</p></body></html>";

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
  Path data;

  private WireMockServer sites;
  private ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private String base;

  @BeforeEach
  void start() throws Exception {
    sites = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    sites.start();
    page(sites, "xinsheng.test", "/", PLATFORM);
    page(sites, "xinsheng.test", "/copy", COPY);
    page(sites, "bank.test", "/", BANK);
    context = org.finpatrol.app.TestServer.start(data);
    base = org.finpatrol.app.TestServer.url(context) + "/api/";
    String port = ":" + sites.port() + "/";
    context
        .getBean(PatrolService.class)
        .run(
            new PatrolRequest(
                List.of("http://xinsheng.test" + port, "http://bank.test" + port),
                50,
                2,
                0,
                true,
                Map.of("xinsheng.test", "127.0.0.1", "bank.test", "127.0.0.1")),
            line -> {});
  }

  @AfterEach
  void stop() throws Exception {
    context.close();
    sites.stop();
    org.finpatrol.app.TestData.remove(data);
  }

  private HttpResponse<String> call(String query) throws Exception {
    return http.send(
        org.finpatrol.app.TestLogins.admin(URI.create(base + "search?" + query)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void searchAnswersHitsWithRiskEvidenceAndFacets() throws Exception {
    HttpResponse<String> response = call("q=" + q("保息") + "&facets=true&sort=risk");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("total").asLong()).isEqualTo(2);
    JsonNode first = body.get("hits").get(0);
    assertThat(first.get("host").asString()).isEqualTo("xinsheng.test");
    assertThat(first.get("risk").asInt()).isPositive();
    assertThat(first.get("operator").asString()).isEqualTo("鹤壁鑫盛财富管理有限公司");
    assertThat(first.get("evidence").get("sha256").asString()).hasSize(64);
    assertThat(body.get("facets").get("category").toString()).contains("GUARANTEED_RETURN");
    assertThat(body.get("facets").get("host").get(0).get("count").asLong()).isEqualTo(2);

    JsonNode second = json.readTree(call("q=" + q("保息") + "&limit=1&offset=1").body());
    assertThat(second.get("hits")).hasSize(1);
    assertThat(second.get("offset").asInt()).isEqualTo(1);
  }

  @Test
  void lookAlikesOfAPageAreItsCopiesNotTheBank() throws Exception {
    String home = "http://xinsheng.test:" + sites.port() + "/";
    JsonNode body = json.readTree(call("like=" + q(home)).body());

    assertThat(body.get("hits").get(0).get("url").asString()).endsWith("/copy");
    assertThat(body.get("hits").toString()).doesNotContain("bank.test");
  }

  @Test
  void badParametersAreA400NamingThem() throws Exception {
    HttpResponse<String> sort = call("q=x&sort=fame");
    assertThat(sort.statusCode()).isEqualTo(400);
    assertThat(sort.body()).contains("sort 'fame'");
    assertThat(call("q=x&from=yesterday").body()).contains("from 'yesterday'");
    assertThat(call("q=x&category=NOPE").statusCode()).isEqualTo(400);
  }

  @Test
  void aCaseShowsTheFindingsOnThePagesItCites() throws Exception {
    JsonNode list =
        json.readTree(
            http.send(
                    org.finpatrol.app.TestLogins.admin(URI.create(base + "cases")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body());
    long id = list.get(0).get("id").asLong();
    JsonNode findings =
        json.readTree(
            http.send(
                    org.finpatrol.app.TestLogins.admin(
                            URI.create(base + "cases/" + id + "/findings"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body());
    assertThat(findings.size()).isPositive();
    JsonNode claim = null;
    for (JsonNode f : findings) {
      if ("保本保息".equals(f.get("text").asString())) {
        claim = f;
      }
    }
    assertThat(claim).as(findings.toString()).isNotNull();
    assertThat(claim.get("category").asString()).isEqualTo("GUARANTEED_RETURN");
    assertThat(claim.get("end").asInt() - claim.get("start").asInt()).isEqualTo(4);
    assertThat(claim.get("record_id").asString()).startsWith("<urn:uuid:");
  }
}
