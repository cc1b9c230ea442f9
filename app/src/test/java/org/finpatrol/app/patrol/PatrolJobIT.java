package org.finpatrol.app.patrol;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.finpatrol.app.TestSites.page;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.tips.TipService;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.finpatrol.review.CaseEvent;
import org.finpatrol.review.CaseKind;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.ReviewCase;
import org.finpatrol.review.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The patrol job end to end against WireMock sites, a bad platform and a compliant bank, on the
 * default embedded H2 database ({@link PatrolJobMariaDbIT} runs the same on MariaDB).
 */
class PatrolJobIT {

  private static final String BAD_HOME =
      "<html><head><title>鑫盛理财</title></head><body>"
          + "<p>本平台承诺保本保息，年化收益15%，立即投资！</p><a href=\"/products\">产品</a></body></html>";
  private static final String BAD_PRODUCTS =
      "<html><head><title>产品</title></head><body>" + "<p>稳盈1号：稳赚不赔，100元起投，欢迎咨询。</p></body></html>";
  private static final String BANK =
      "<html><head><title>鹤壁银行理财</title></head><body>"
          + "<p>理财非存款，产品有风险，投资须谨慎。本产品不保本，业绩比较基准3.2%。</p></body></html>";

  // Removed in stop() (TestData says why).
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
  Path data;

  private WireMockServer sites;
  private ConfigurableApplicationContext context;

  @BeforeEach
  void start() throws Exception {
    sites = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    sites.start();
    page(sites, "xinsheng.test", "/", BAD_HOME);
    page(sites, "xinsheng.test", "/products", BAD_PRODUCTS);
    page(sites, "bank.test", "/", BANK);
    context =
        FinPatrolApplication.start(
            new AppPaths(data, configWithLicensedBank()), false, 0, Map.of());
  }

  /**
   * The shipped configuration, with 鹤壁银行 added to the licence registry: its product page is then
   * marketing by a licensed bank, and only the unlicensed platform becomes a case.
   */
  private Path configWithLicensedBank() throws IOException {
    Path config = data.resolve("config");
    org.finpatrol.app.TestData.copyConfig(config);
    Files.writeString(
        config.resolve("licences.csv"), "鹤壁银行股份有限公司,鹤壁银行,bank,,\n", StandardOpenOption.APPEND);
    return config;
  }

  /** Spring properties that choose the database; none means the default embedded H2. */
  Map<String, Object> databaseProperties() {
    return Map.of();
  }

  @AfterEach
  void stop() throws Exception {
    context.close();
    sites.stop();
    org.finpatrol.app.TestData.remove(data);
  }

  private PatrolReport patrol() throws Exception {
    String base = ":" + sites.port() + "/";
    PatrolRequest request =
        new PatrolRequest(
            List.of("http://xinsheng.test" + base, "http://bank.test" + base),
            50,
            2,
            0,
            true,
            Map.of("xinsheng.test", "127.0.0.1", "bank.test", "127.0.0.1"));
    List<String> progress = new ArrayList<>();
    PatrolReport report = context.getBean(PatrolService.class).run(request, progress::add);
    assertThat(progress).anyMatch(l -> l.startsWith("crawl: done"));
    return report;
  }

  @Test
  void subdomainsOfOnePlatformAreOneCase() throws Exception {
    String mobile =
        "<html><head><title>鑫盛理财手机版</title></head><body><p>保本保息，年化收益15%，立即投资！</p>"
            + "<p>地址：鹤壁市浚县黎阳路1号</p></body></html>";
    page(sites, "m.xinsheng.test", "/", mobile);
    String base = ":" + sites.port() + "/";
    context
        .getBean(PatrolService.class)
        .run(
            new PatrolRequest(
                List.of("http://xinsheng.test" + base, "http://m.xinsheng.test" + base),
                50,
                1,
                0,
                true,
                Map.of("xinsheng.test", "127.0.0.1", "m.xinsheng.test", "127.0.0.1")),
            line -> {});
    List<ReviewCase> cases = context.getBean(CaseService.class).list(CaseQuery.all());
    assertThat(cases)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.platformKey()).isEqualTo("xinsheng.test");
              assertThat(c.county()).isEqualTo("浚县");
              assertThat(c.evidence())
                  .extracting(e -> java.net.URI.create(e.url()).getHost())
                  .contains("xinsheng.test", "m.xinsheng.test");
            });
  }

  @Test
  void aCaseAwaitingRecheckIsFetchedAgainAndTheOutcomeIsOnItsTrail() throws Exception {
    patrol();
    ReviewCase c = context.getBean(CaseService.class).list(CaseQuery.all()).get(0);
    CaseWorkflow workflow = context.getBean(CaseWorkflow.class);
    for (CaseStatus to :
        List.of(CaseStatus.IN_REVIEW, CaseStatus.CONFIRMED, CaseStatus.NOTICE_ISSUED)) {
      java.time.LocalDate deadline =
          to == CaseStatus.NOTICE_ISSUED
              ? java.time.LocalDate.now(CaseWorkflow.LOCAL_ZONE).plusDays(10)
              : null;
      workflow.transition(c.id(), new Transition(to, "张科长", null, deadline, null));
    }
    workflow.transition(c.id(), new Transition(CaseStatus.RECHECK, "张科长", null, null, null));
    // The operator took the claims down.
    page(
        sites,
        "xinsheng.test",
        "/",
        "<html><head><title>鑫盛</title></head><body><p>公司简介</p></body></html>");
    page(sites, "xinsheng.test", "/products", "<html><body><p>暂无产品</p></body></html>");

    // A patrol of the bank only: the cited pages join it by themselves.
    List<String> progress = new ArrayList<>();
    context
        .getBean(PatrolService.class)
        .run(
            new PatrolRequest(
                List.of("http://bank.test:" + sites.port() + "/"),
                50,
                0,
                0,
                true,
                Map.of("xinsheng.test", "127.0.0.1", "bank.test", "127.0.0.1")),
            progress::add);
    assertThat(progress)
        .contains("re-check: 2 cited URL(s) of cases awaiting re-check join this patrol");
    List<CaseEvent> trail = workflow.timeline(c.id());
    assertThat(trail.get(trail.size() - 1).comment())
        .startsWith("re-check by patrol #")
        .endsWith("2 of 2 cited page(s) fetched; no violation found on them any more");
    assertThat(context.getBean(CaseService.class).find(c.id()).orElseThrow().status())
        .isEqualTo(CaseStatus.RECHECK);
  }

  @Test
  void reviewersDecisionsBecomeTrainingSamples() throws Exception {
    patrol();
    var decisions =
        new org.finpatrol.app.store.ReviewerDecisions(context.getBean(javax.sql.DataSource.class));
    assertThat(decisions.load().samples()).as("undecided cases teach nothing").isEmpty();
    ReviewCase c = context.getBean(CaseService.class).list(CaseQuery.all()).get(0);
    CaseWorkflow workflow = context.getBean(CaseWorkflow.class);
    workflow.transition(c.id(), new Transition(CaseStatus.IN_REVIEW, "李审核", null, null, null));
    workflow.transition(c.id(), new Transition(CaseStatus.CONFIRMED, "李审核", null, null, null));
    var confirmed = decisions.load();
    assertThat(confirmed.confirmed()).isEqualTo(2);
    assertThat(confirmed.samples())
        .allSatisfy(
            s -> {
              assertThat(s.financialSolicitation()).isTrue();
              assertThat(s.guaranteedReturn()).isTrue();
            })
        .anySatisfy(s -> assertThat(s.text()).contains("保本保息"));
  }

  @Test
  void theJsonLogCarriesEachLinesRunAndJobExecution() throws Exception {
    PatrolReport report = patrol();

    tools.jackson.databind.ObjectMapper json = new tools.jackson.databind.ObjectMapper();
    List<tools.jackson.databind.JsonNode> lines =
        Files.readAllLines(data.resolve("logs/finpatrol.json"), StandardCharsets.UTF_8).stream()
            .map(json::readTree)
            .toList();
    assertThat(lines)
        .filteredOn(l -> l.path("message").asString().startsWith("Executing step: [crawl]"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.path("patrol").asString()).isEqualTo(Long.toString(report.runId()));
              assertThat(l.path("job").asString())
                  .isEqualTo(Long.toString(report.jobExecutionId()));
              assertThat(l.path("log").path("level").asString()).isEqualTo("INFO");
            });
  }

  @Test
  void aSpreadPatrolWhoseManagerDiedWaitsForItsRunningPartitions() throws Exception {
    PatrolStore store = context.getBean(PatrolStore.class);
    PatrolService patrols = context.getBean(PatrolService.class);
    PatrolRequest request =
        new PatrolRequest(List.of("http://xinsheng.test/"), 10, 1, 0, true, Map.of());
    long runId = store.createRun(request, 2);
    // The manager's job execution, left running by a manager that no longer beats.
    JobRepository jobs = context.getBean(JobRepository.class);
    var parameters =
        new org.springframework.batch.core.job.parameters.JobParametersBuilder()
            .addLong(PatrolJobConfiguration.RUN_ID, runId)
            .toJobParameters();
    JobExecution dead =
        jobs.createJobExecution(
            jobs.createJobInstance(PatrolJobConfiguration.JOB_NAME, parameters),
            parameters,
            new org.springframework.batch.infrastructure.item.ExecutionContext());
    dead.setStatus(BatchStatus.STARTED);
    dead.setStartTime(java.time.LocalDateTime.now());
    jobs.update(dead);
    // A worker still runs partition 1 (its beat is fresh); partition 0 ended.
    store.beats().partitionBeat(runId, 0);
    store.beats().partitionEnded(runId, 0);
    store.beats().partitionBeat(runId, 1);

    PatrolService.Interrupted interrupted = patrols.interrupted().orElseThrow();
    assertThat(interrupted.runId()).isEqualTo(runId);
    assertThatThrownBy(() -> patrols.resume(interrupted, line -> {}))
        .isInstanceOf(PartitionsStillRunningException.class)
        .hasMessageContaining("patrol #" + runId + ": partition(s) [1] still running");
    assertThat(jobs.getJobExecution(dead.getId()).getStatus())
        .as("left as it was, to be resumed later")
        .isEqualTo(BatchStatus.STARTED);
  }

  @Test
  void beatsAreWrittenAndJudgedByTheDatabasesClock() {
    PatrolStore store = context.getBean(PatrolStore.class);
    RunBeats beats = store.beats();
    long runId =
        store.createRun(
            new PatrolRequest(List.of("http://xinsheng.test/"), 10, 1, 0, true, Map.of()), 2);
    assertThat(beats.beatingWithin(runId, Duration.ofSeconds(30))).as("never beat").isFalse();

    beats.heartbeat(runId);
    beats.partitionBeat(runId, 0);
    beats.partitionBeat(runId, 1);
    assertThat(beats.beatingWithin(runId, Duration.ofSeconds(30))).isTrue();
    assertThat(beats.partitionsBeatingWithin(runId, Duration.ofSeconds(30))).containsExactly(0, 1);

    // A minute ago by the database's clock: dead, whatever this process's clock says.
    var jdbc =
        org.springframework.jdbc.core.simple.JdbcClient.create(context.getBean(DataSource.class));
    jdbc.sql(
            "UPDATE patrol_run SET heartbeat_at = TIMESTAMPADD(SECOND, -60, LOCALTIMESTAMP(3)) WHERE id = ?")
        .param(runId)
        .update();
    jdbc.sql(
            "UPDATE partition_beat SET beat_at = TIMESTAMPADD(SECOND, -60, LOCALTIMESTAMP(3))"
                + " WHERE run_id = ? AND partition_index = 0")
        .param(runId)
        .update();
    assertThat(beats.beatingWithin(runId, Duration.ofSeconds(30))).isFalse();
    assertThat(beats.beatingWithin(runId, Duration.ofSeconds(90))).isTrue();
    assertThat(beats.partitionsBeatingWithin(runId, Duration.ofSeconds(30))).containsExactly(1);

    beats.partitionEnded(runId, 1);
    assertThat(beats.partitionsBeatingWithin(runId, Duration.ofSeconds(90))).containsExactly(0);
  }

  @Test
  void thePartitionsOfASpreadPatrolShareItsPages() {
    PatrolStore store = context.getBean(PatrolStore.class);
    PartitionPages pages = store.partitionPages();
    long runId =
        store.createRun(
            new PatrolRequest(List.of("http://xinsheng.test/"), 10, 1, 0, true, Map.of()), 2);
    // At most half of what is left at a time: the first to ask cannot take it all.
    assertThat(pages.take(runId, 0, 16)).isEqualTo(5);
    assertThat(pages.take(runId, 1, 16)).isEqualTo(2);
    assertThat(pages.take(runId, 1, 2)).isEqualTo(1);
    assertThat(pages.take(runId, 0, 16)).isEqualTo(1);
    assertThat(pages.take(runId, 0, 16)).isEqualTo(1);
    assertThat(pages.taken(runId)).isEqualTo(10);
    assertThat(pages.take(runId, 1, 16)).as("all taken").isZero();

    pages.giveBack(runId, 0, 3); // partition 0's crawl ended with 3 pages unused
    assertThat(pages.taken(runId)).isEqualTo(7);
    assertThat(pages.take(runId, 1, 16)).isEqualTo(1);
    pages.reset(runId, 1); // partition 1 crawls again: its pages are gone
    assertThat(pages.taken(runId)).isEqualTo(4);
    assertThat(pages.take(runId, 1, 16)).isEqualTo(3);
  }

  @Test
  void theClassificationIsOnThePagesInTheirFindingsAndOnTheIndex() throws Exception {
    PatrolReport report = patrol();

    var jdbc =
        org.springframework.jdbc.core.simple.JdbcClient.create(
            context.getBean(javax.sql.DataSource.class));
    Map<String, Boolean> guaranteed = new java.util.TreeMap<>();
    jdbc.sql(
            "SELECT p.url, v.guaranteed_return FROM page p JOIN page_verdict v ON v.page_id = p.id"
                + " WHERE p.run_id = ?")
        .param(report.runId())
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> guaranteed.put(rs.getString(1), rs.getBoolean(2)));
    String home = "http://xinsheng.test:" + sites.port() + "/";
    String products = home + "products";
    String bank = "http://bank.test:" + sites.port() + "/";
    assertThat(guaranteed).containsEntry(home, true).containsEntry(products, true);
    assertThat(guaranteed).containsEntry(bank, false);
    List<String> homeFindings =
        jdbc.sql(
                "SELECT f.matched_text FROM finding f JOIN page p ON p.id = f.page_id"
                    + " WHERE p.run_id = ? AND p.url = ? AND f.category = 'GUARANTEED_RETURN'")
            .params(report.runId(), home)
            .query(String.class)
            .list();
    assertThat(homeFindings).contains("保本保息");

    org.finpatrol.indexer.PageIndex index = context.getBean(org.finpatrol.indexer.PageIndex.class);
    assertThat(
            index
                .search(
                    org.finpatrol.indexer.SearchRequest.of("理财", 10)
                        .withLabels(java.util.Set.of("GUARANTEED_RETURN")))
                .hits())
        .extracting(org.finpatrol.indexer.SearchHit::url)
        .containsExactly(home);
    assertThat(index.search(org.finpatrol.indexer.SearchRequest.of("鹤壁银行", 10)).hits())
        .singleElement()
        .satisfies(hit -> assertThat(hit.labels()).isEmpty());
  }

  @Test
  void completesWithStepCountsAndOpensACaseForTheBadSiteOnly() throws Exception {
    PatrolReport report = patrol();

    JobExecution execution =
        context.getBean(JobRepository.class).getJobExecution(report.jobExecutionId());
    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    Map<String, StepExecution> steps =
        execution.getStepExecutions().stream()
            .collect(Collectors.toMap(StepExecution::getStepName, s -> s));
    assertThat(steps.keySet())
        .containsExactlyInAnyOrder("seed", "crawl", "index", "classify", "platform", "queue");
    steps.values().forEach(s -> assertThat(s.getStatus()).isEqualTo(BatchStatus.COMPLETED));
    assertThat(steps.get("seed").getWriteCount()).isEqualTo(2);
    assertThat(steps.get("crawl").getWriteCount()).isEqualTo(3);
    assertThat(steps.get("index").getReadCount()).isEqualTo(3);
    assertThat(steps.get("index").getWriteCount()).isEqualTo(3);
    assertThat(steps.get("classify").getWriteCount()).isEqualTo(3);
    assertThat(steps.get("platform").getWriteCount()).isEqualTo(2);
    assertThat(steps.get("queue").getWriteCount()).isEqualTo(1);

    List<ReviewCase> cases = context.getBean(CaseService.class).list(CaseQuery.all());
    assertThat(cases)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.host()).isEqualTo("xinsheng.test");
              assertThat(c.kind()).isEqualTo(CaseKind.SITE);
              assertThat(c.categories()).contains("GUARANTEED_RETURN", "UNLICENSED_SOLICITATION");
              assertThat(c.escalation()).startsWith("red band, risk ");
              assertThat(c.units()).contains("finance-office");
              assertThat(c.units()).contains("comms");
              assertThat(c.evidence()).hasSize(2);
              assertThat(c.evidence())
                  .extracting(e -> e.sha256())
                  .contains(
                      WarcEvidence.sha256Hex(BAD_HOME.getBytes(StandardCharsets.UTF_8)),
                      WarcEvidence.sha256Hex(BAD_PRODUCTS.getBytes(StandardCharsets.UTF_8)));
            });
    assertThat(report.platforms())
        .extracting(Platform::host)
        .containsExactly("xinsheng.test", "bank.test");
  }

  @Test
  void aSecondPatrolUpdatesTheCaseInsteadOfOpeningAnother() throws Exception {
    PatrolReport first = patrol();
    PatrolReport second = patrol();
    assertThat(second.runId()).isNotEqualTo(first.runId());
    assertThat(second.completed()).isTrue();
    List<ReviewCase> cases = context.getBean(CaseService.class).list(CaseQuery.all());
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).evidence()).hasSize(4);
    assertThat(first.changes()).containsEntry("NEW", 3);
    assertThat(second.changes()).containsEntry("UNCHANGED", 3);
  }

  @Test
  void aRectifiedPageIsSeenAsChanged() throws Exception {
    patrol();
    page(
        sites,
        "xinsheng.test",
        "/products",
        "<html><head><title>产品</title></head><body>" + "<p>理财非存款，产品有风险，投资须谨慎。</p></body></html>");
    PatrolReport second = patrol();
    assertThat(second.changes()).containsEntry("CHANGED", 1).containsEntry("UNCHANGED", 2);
  }

  @Test
  void conditionalGetsReuseTheStoredPageWhenTheServerSaysNotModified() throws Exception {
    sites.stubFor(
        get("/")
            .withHost(equalTo("bank.test"))
            .withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.absent())
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withHeader("ETag", "\"bank-v1\"")
                    .withBody(BANK)));
    sites.stubFor(
        get("/")
            .withHost(equalTo("bank.test"))
            .withHeader(
                "If-None-Match",
                com.github.tomakehurst.wiremock.client.WireMock.matching("\"bank-v1.*"))
            .willReturn(aResponse().withStatus(304)));
    patrol();
    PatrolReport second = patrol();
    assertThat(second.pagesByStatus()).containsEntry("NOT_MODIFIED", 1);
    assertThat(second.changes()).containsEntry("UNCHANGED", 3);
    assertThat(second.platforms()).extracting(Platform::host).contains("bank.test");
    sites.verify(
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/"))
            .withHeader(
                "If-None-Match",
                com.github.tomakehurst.wiremock.client.WireMock.matching("\"bank-v1.*")));
  }

  @Test
  void aTipFromThePublicJoinsTheNextPatrol() throws Exception {
    TipService tips = context.getBean(TipService.class);
    String bad = "http://xinsheng.test:" + sites.port() + "/";
    // xinsheng.test only resolves through the patrol's host overrides; a tip is checked with DNS.
    assertThatThrownBy(() -> tips.submit("ftp://x.test/", null))
        .hasMessageContaining("not an http(s) URL");
    assertThatThrownBy(() -> tips.submit("http://127.0.0.1:8080/admin", null))
        .hasMessageContaining("private");
    long id = tips.submit("http://tip.example.test/", "朋友圈看到的理财广告");
    assertThat(tips.submit("http://tip.example.test/", null)).isEqualTo(id);
    assertThat(tips.pending())
        .extracting(TipService.Tip::url)
        .containsExactly("http://tip.example.test/");
    patrol();
    assertThat(tips.pending()).isEmpty();
  }
}
