package org.finpatrol.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.Labels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The licence registry in the database: edits over HTTP change the next classification. */
class LicencesApiIT {

  private static final String AD = "鑫汇通理财：年化收益8%，100元起投，立即投资！";

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
  Path data;

  private ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private String base;

  @BeforeEach
  void start() throws Exception {
    context = org.finpatrol.app.TestServer.start(data);
    base = org.finpatrol.app.TestServer.url(context) + "/api/";
  }

  @AfterEach
  void stop() throws Exception {
    context.close();
    org.finpatrol.app.TestData.remove(data);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        org.finpatrol.app.TestLogins.admin(URI.create(base + path))
            .header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private boolean unlicensed() {
    return context.getBean(Classifier.class).classify("ad", AD).findings().stream()
        .anyMatch(f -> Labels.UNLICENSED_SOLICITATION.equals(f.category()));
  }

  @Test
  void anAdminsLicenceClearsTheNextClassificationAndRemovingItRestoresIt() throws Exception {
    JsonNode list = json.readTree(send("GET", "licences", null).body());
    assertThat(list.get(0).get("source").asString()).isEqualTo("file");
    assertThat(unlicensed()).isTrue();

    HttpResponse<String> added =
        send(
            "POST",
            "licences",
            "{\"name\":\"鹤壁鑫汇通理财有限公司\",\"aliases\":[\"鑫汇通理财\"],\"licence_type\":\"fund\","
                + "\"licence_number\":\"\",\"actor\":\"王管理\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode row = json.readTree(added.body());
    assertThat(row.get("source").asString()).isEqualTo("admin");
    assertThat(unlicensed()).isFalse();

    assertThat(send("DELETE", "licences/" + row.get("id").asLong(), null).statusCode())
        .isEqualTo(204);
    assertThat(unlicensed()).isTrue();
  }

  @Test
  void badRowsAndFileRowsAreRefusedWithTheReason() throws Exception {
    HttpResponse<String> badNumber =
        send(
            "POST",
            "licences",
            "{\"name\":\"鑫盛支付有限公司\",\"licence_type\":\"payment\",\"licence_number\":\"Z12\","
                + "\"actor\":\"王管理\"}");
    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(badNumber.body()).contains("does not have the form of a payment licence");
    HttpResponse<String> twice =
        send(
            "POST",
            "licences",
            "{\"name\":\"中国工商银行股份有限公司\",\"licence_type\":\"bank\",\"actor\":\"王管理\"}");
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("registered twice");
    long fileRow = json.readTree(send("GET", "licences", null).body()).get(0).get("id").asLong();
    HttpResponse<String> fromFile = send("DELETE", "licences/" + fileRow, null);
    assertThat(fromFile.statusCode()).isEqualTo(409);
    assertThat(fromFile.body()).contains("config/licences.csv");
    assertThat(send("DELETE", "licences/987654", null).statusCode()).isEqualTo(404);
  }
}
