package org.finpatrol.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.finpatrol.review.CaseInput;
import org.finpatrol.review.CaseKind;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The case workflow over HTTP: transitions, refusals in words, the audit trail. */
class CasesApiIT {

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
  Path data;

  private ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private String base;
  private long caseId;

  @BeforeEach
  void start() throws Exception {
    context = org.finpatrol.app.TestServer.start(data);
    base = org.finpatrol.app.TestServer.url(context) + "/api/";
    caseId =
        context
            .getBean(CaseService.class)
            .open(
                new CaseInput(
                    CaseKind.SITE,
                    "xinsheng.test",
                    "xinsheng.test",
                    "http://xinsheng.test/",
                    Set.of("GUARANTEED_RETURN"),
                    Set.of("HIGH_YIELD"),
                    null,
                    70,
                    List.of()))
            .id();
  }

  @AfterEach
  void stop() throws Exception {
    context.close();
    org.finpatrol.app.TestData.remove(data);
  }

  // Who the requests are from: admin unless a test signs in as someone else.
  private String user = "admin";
  private String password = org.finpatrol.app.TestLogins.ADMIN_PASSWORD;

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        org.finpatrol.app.TestLogins.as(URI.create(base + path), user, password)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        org.finpatrol.app.TestLogins.as(URI.create(base + path), user, password).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void signInAs(String name, String roles) {
    user = name;
    password = "密码-" + name + "-0123456789";
    context
        .getBean(org.finpatrol.app.security.UserStore.class)
        .save(name, password, org.finpatrol.app.security.Roles.parse(roles));
  }

  private HttpResponse<String> move(String body) throws Exception {
    return post("cases/" + caseId + "/transitions", body);
  }

  @Test
  void aReviewerOfAnotherUnitNeitherSeesNorMovesTheCase() throws Exception {
    signInAs("wang", "REVIEWER:police");
    assertThat(get("cases/" + caseId).statusCode()).isEqualTo(403);
    assertThat(get("cases/" + caseId + "/timeline").statusCode()).isEqualTo(403);
    assertThat(move("{\"to\":\"IN_REVIEW\"}").statusCode()).isEqualTo(403);
    assertThat(json.readTree(get("cases").body())).isEmpty();
    assertThat(get("reports?unit=comms").statusCode()).isEqualTo(403);
    signInAs("zhao", "ANALYST");
    assertThat(get("cases").statusCode()).as("analysts search, they do not review").isEqualTo(403);
    assertThat(get("cases/" + caseId + "/timeline").statusCode()).isEqualTo(403);
  }

  @Test
  void reviewersMoveACaseAndEveryStepIsOnItsTrail() throws Exception {
    // The case goes to comms (a site) and market (HIGH_YIELD); the actor is who signed in,
    // whatever the body says.
    signInAs("zhang", "REVIEWER:comms");
    assertThat(move("{\"to\":\"IN_REVIEW\",\"actor\":\"李审核\"}").statusCode()).isEqualTo(200);
    assertThat(move("{\"to\":\"CONFIRMED\",\"actor\":\"李审核\",\"comment\":\"承诺保本\"}").statusCode())
        .isEqualTo(200);
    LocalDate deadline = LocalDate.now(CaseWorkflow.LOCAL_ZONE).plusDays(15);
    HttpResponse<String> notice =
        move(
            "{\"to\":\"notice_issued\",\"actor\":\"张科长\",\"deadline\":\""
                + deadline
                + "\",\"comment\":\"限期整改\"}");
    assertThat(notice.statusCode()).as(notice.body()).isEqualTo(200);
    assertThat(json.readTree(notice.body()).get("status").asString()).isEqualTo("NOTICE_ISSUED");

    JsonNode trail = json.readTree(get("cases/" + caseId + "/timeline").body());
    assertThat(trail).hasSize(4);
    assertThat(trail.get(0).get("actor").asString()).isEqualTo("patrol");
    assertThat(trail.get(0).get("from").isNull()).isTrue();
    assertThat(trail.get(3).get("from").asString()).isEqualTo("CONFIRMED");
    assertThat(trail.get(3).get("deadline").asString()).isEqualTo(deadline.toString());
    assertThat(trail.get(3).get("actor").asString()).isEqualTo("zhang");
    assertThat(json.readTree(get("cases/overdue").body())).isEmpty();
  }

  @Test
  void refusalsSayWhy() throws Exception {
    HttpResponse<String> illegal = move("{\"to\":\"CLOSED_RECTIFIED\",\"actor\":\"李审核\"}");
    assertThat(illegal.statusCode()).isEqualTo(409);
    assertThat(json.readTree(illegal.body()).get("error").asString())
        .isEqualTo(
            "case #"
                + caseId
                + " is NEW; it can go to IN_REVIEW or DISMISSED, not CLOSED_RECTIFIED");

    HttpResponse<String> noReason = move("{\"to\":\"DISMISSED\",\"actor\":\"李审核\"}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("a dismissal needs a reason");
    assertThat(move("{\"to\":\"SOLVED\",\"actor\":\"x\"}").body())
        .contains("unknown status 'SOLVED'");
    assertThat(
            post("cases/424242/transitions", "{\"to\":\"IN_REVIEW\",\"actor\":\"x\"}").statusCode())
        .isEqualTo(404);
    assertThat(get("cases/424242/timeline").statusCode()).isEqualTo(404);
    assertThat(json.readTree(get("cases/" + caseId + "/timeline").body())).hasSize(1);
  }

  @Test
  void reportsDownloadAsCsvAndXlsx() throws Exception {
    HttpResponse<String> csv = get("reports");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"finpatrol-report-");
    assertThat(csv.body()).contains("GUARANTEED_RETURN,1,0,0,0,0,0,0,0,1");
    HttpResponse<byte[]> xlsx =
        http.send(
            org.finpatrol.app.TestLogins.admin(URI.create(base + "reports?format=xlsx&unit=comms"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      assertThat(book.getSheet("汇总").getRow(0).getCell(0).getStringCellValue())
          .contains("单位=comms");
    }
    assertThat(get("reports?format=pdf").statusCode()).isEqualTo(400);
    assertThat(get("reports?from=2026-12-31&to=2026-12-01").body()).contains("before it starts");
  }
}
