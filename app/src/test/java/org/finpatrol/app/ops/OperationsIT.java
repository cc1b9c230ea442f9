package org.finpatrol.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.finpatrol.app.TestData;
import org.finpatrol.app.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health for anyone (details for admins), metrics and Prometheus for admins only. */
class OperationsIT {

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = CleanupMode.NEVER)
  Path data;

  private ConfigurableApplicationContext context;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    context = org.finpatrol.app.TestServer.start(data);
    base = org.finpatrol.app.TestServer.url(context);
  }

  @AfterEach
  void stop() throws Exception {
    context.close();
    TestData.remove(data);
  }

  private HttpResponse<String> get(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void healthIsPublicAndItsDetailsAreForAdmins() throws Exception {
    HttpResponse<String> anyone =
        get(HttpRequest.newBuilder(URI.create(base + "/actuator/health")));
    assertThat(anyone.statusCode()).isEqualTo(200);
    JsonNode status = JsonMapper.builder().build().readTree(anyone.body());
    assertThat(status.get("status").asString()).isEqualTo("UP");
    assertThat(status.has("components")).isFalse();

    JsonNode admin =
        JsonMapper.builder()
            .build()
            .readTree(get(TestLogins.admin(URI.create(base + "/actuator/health"))).body());
    JsonNode components = admin.get("components");
    assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("diskSpace").get("details").get("path").asString())
        .isEqualTo(data.toAbsolutePath().toString());
    assertThat(components.get("index").get("details").get("pages").asInt()).isZero();
    assertThat(components.get("patrol").get("details").get("last").asString())
        .isEqualTo("no patrol yet");
  }

  @Test
  void prometheusShowsFinpatrolsGaugesToAdminsOnly() throws Exception {
    assertThat(get(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))).statusCode())
        .isEqualTo(401);
    HttpResponse<String> scrape = get(TestLogins.admin(URI.create(base + "/actuator/prometheus")));
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("finpatrol_index_pages 0.0")
        .contains("finpatrol_cases_open 0.0")
        .contains("finpatrol_patrol_running 0.0")
        .contains("jvm_memory_used_bytes");
  }
}
