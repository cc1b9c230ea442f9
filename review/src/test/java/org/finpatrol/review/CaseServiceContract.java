package org.finpatrol.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database FinPatrol supports must do with cases; run against H2 and MariaDB. */
abstract class CaseServiceContract {

  static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  CaseService cases;
  CaseWorkflow workflow;
  private static final java.util.concurrent.atomic.AtomicInteger HOSTS =
      new java.util.concurrent.atomic.AtomicInteger();

  abstract DataSource dataSource();

  @BeforeEach
  void migrate() throws Exception {
    DataSource ds = dataSource();
    ReviewSchema.migrate(ds);
    cases =
        new CaseService(
            ds, Routing.load(Path.of("../config/units.yml")), Clock.fixed(T0, ZoneOffset.UTC));
    workflow = new CaseWorkflow(ds, cases, Clock.fixed(T0, ZoneOffset.UTC));
  }

  /** 2026-11-24 08:00 UTC is 16:00 in China: "today" is 2026-11-24 there. */
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  static Transition to(CaseStatus status) {
    return switch (status) {
      case NOTICE_ISSUED -> new Transition(status, "张科长", "限期整改", TODAY.plusDays(15), null);
      case DISMISSED -> new Transition(status, "李审核", null, null, "银行正规理财产品，误报");
      default -> new Transition(status, "李审核", "意见：" + status, null, null);
    };
  }

  /** The shortest legal path from NEW to each state. */
  static List<CaseStatus> pathTo(CaseStatus target) {
    return switch (target) {
      case NEW -> List.of();
      case IN_REVIEW -> List.of(CaseStatus.IN_REVIEW);
      case DISMISSED -> List.of(CaseStatus.DISMISSED);
      case CONFIRMED -> List.of(CaseStatus.IN_REVIEW, CaseStatus.CONFIRMED);
      case NOTICE_ISSUED ->
          List.of(CaseStatus.IN_REVIEW, CaseStatus.CONFIRMED, CaseStatus.NOTICE_ISSUED);
      case REFERRED -> List.of(CaseStatus.IN_REVIEW, CaseStatus.CONFIRMED, CaseStatus.REFERRED);
      case RECHECK ->
          List.of(
              CaseStatus.IN_REVIEW,
              CaseStatus.CONFIRMED,
              CaseStatus.NOTICE_ISSUED,
              CaseStatus.RECHECK);
      case CLOSED_RECTIFIED ->
          List.of(
              CaseStatus.IN_REVIEW,
              CaseStatus.CONFIRMED,
              CaseStatus.NOTICE_ISSUED,
              CaseStatus.RECHECK,
              CaseStatus.CLOSED_RECTIFIED);
    };
  }

  /** A fresh case brought to {@code status} along legal transitions. */
  ReviewCase caseIn(CaseStatus status) {
    ReviewCase c =
        cases.open(
            site(
                "wf" + HOSTS.incrementAndGet() + ".test",
                Set.of("GUARANTEED_RETURN"),
                Set.of(),
                50));
    for (CaseStatus step : pathTo(status)) {
      c = workflow.transition(c.id(), to(step));
    }
    assertThat(c.status()).isEqualTo(status);
    return c;
  }

  static Evidence evidence(String record) {
    return new Evidence("http://xinsheng.test/", "patrol-1.warc.gz", record, "a".repeat(64), T0);
  }

  static CaseInput site(
      String host, Set<String> categories, Set<String> signals, int risk, Evidence... e) {
    return new CaseInput(
        CaseKind.SITE,
        host,
        host,
        "http://" + host + "/",
        categories,
        signals,
        null,
        risk,
        List.of(e));
  }

  @Test
  void opensOneCasePerPlatformAndRoutesIt() {
    ReviewCase c =
        cases.open(
            site(
                "xinsheng.test",
                Set.of("GUARANTEED_RETURN"),
                Set.of("HIGH_YIELD"),
                60,
                evidence("<urn:uuid:1>")));
    assertThat(c.id()).isPositive();
    assertThat(c.status()).isEqualTo(CaseStatus.NEW);
    assertThat(c.kind()).isEqualTo(CaseKind.SITE);
    assertThat(c.categories()).containsExactly("GUARANTEED_RETURN");
    assertThat(c.units()).containsExactly("comms", "market");
    assertThat(c.evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.recordId()).isEqualTo("<urn:uuid:1>");
              assertThat(e.fetchedAt()).isEqualTo(T0);
            });
  }

  @Test
  void rePatrolUpdatesInsteadOfDuplicating() {
    ReviewCase first =
        cases.open(
            site("dup.test", Set.of("GUARANTEED_RETURN"), Set.of(), 40, evidence("<urn:uuid:a>")));
    ReviewCase second =
        cases.open(
            site(
                "dup.test",
                Set.of("GUARANTEED_RETURN"),
                Set.of("FUND_POOL"),
                80,
                evidence("<urn:uuid:a>"),
                evidence("<urn:uuid:b>")));
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.signals()).containsExactly("FUND_POOL");
    assertThat(second.risk()).isEqualTo(80);
    assertThat(second.evidence())
        .extracting(Evidence::recordId)
        .containsExactly("<urn:uuid:a>", "<urn:uuid:b>");
    // Fund pool with a guaranteed-return claim: illegal fundraising, police join.
    assertThat(second.units()).containsExactly("banking", "comms", "finance-office", "police");
    assertThat(cases.list(CaseQuery.all())).filteredOn(c -> c.host().equals("dup.test")).hasSize(1);
  }

  @Test
  void listsByUnitAndStatusHighestRiskFirst() {
    cases.open(site("low.test", Set.of("GUARANTEED_RETURN"), Set.of(), 10));
    cases.open(site("high.test", Set.of("GUARANTEED_RETURN"), Set.of("UNLICENSED_PAYMENT"), 90));
    assertThat(cases.list(new CaseQuery("pboc", null)))
        .extracting(ReviewCase::host)
        .containsExactly("high.test");
    assertThat(cases.list(new CaseQuery("comms", CaseStatus.NEW)))
        .extracting(ReviewCase::host)
        .containsSubsequence("high.test", "low.test");
    // Other tests share the database (on MariaDB): look at this test's cases only.
    assertThat(cases.list(new CaseQuery(null, CaseStatus.DISMISSED)))
        .extracting(ReviewCase::host)
        .doesNotContain("low.test", "high.test");
  }

  @Test
  void everyLegalTransitionIsAppliedAndAudited() {
    for (CaseStatus from : CaseStatus.values()) {
      for (CaseStatus target : from.next()) {
        ReviewCase c = caseIn(from);
        int before = workflow.timeline(c.id()).size();
        ReviewCase moved = workflow.transition(c.id(), to(target));
        assertThat(moved.status()).as(from + " -> " + target).isEqualTo(target);
        List<CaseEvent> trail = workflow.timeline(c.id());
        assertThat(trail).hasSize(before + 1);
        CaseEvent last = trail.get(trail.size() - 1);
        assertThat(last.from()).isEqualTo(from);
        assertThat(last.to()).isEqualTo(target);
        assertThat(last.actor()).isEqualTo(to(target).actor());
        assertThat(last.at()).isEqualTo(T0);
      }
    }
  }

  @Test
  void everyIllegalTransitionIsRefusedAndChangesNothing() {
    for (CaseStatus from : CaseStatus.values()) {
      for (CaseStatus target : CaseStatus.values()) {
        if (from.next().contains(target)) {
          continue;
        }
        ReviewCase c = caseIn(from);
        List<CaseEvent> before = workflow.timeline(c.id());
        assertThatThrownBy(() -> workflow.transition(c.id(), to(target)))
            .as(from + " -> " + target)
            .isInstanceOf(InvalidTransitionException.class)
            .hasMessageContaining("case #" + c.id() + " is " + from)
            .hasMessageContaining(target.name());
        assertThat(cases.find(c.id()).orElseThrow().status()).isEqualTo(from);
        assertThat(workflow.timeline(c.id())).isEqualTo(before);
      }
    }
  }

  @Test
  void theTrailShowsOpeningRePatrolsAndEveryDecision() {
    ReviewCase c = caseIn(CaseStatus.CONFIRMED);
    cases.open(site(c.host(), Set.of("GUARANTEED_RETURN"), Set.of(), 70));
    assertThat(cases.find(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.CONFIRMED);
    assertThat(workflow.timeline(c.id()))
        .extracting(e -> e.actor() + ":" + e.from() + "->" + e.to())
        .containsExactly(
            "patrol:null->NEW",
            "李审核:NEW->IN_REVIEW",
            "李审核:IN_REVIEW->CONFIRMED",
            "patrol:CONFIRMED->CONFIRMED");
    assertThat(workflow.timeline(c.id()).get(3).comment()).contains("risk 70");
  }

  @Test
  void aNoticeNeedsAFutureDeadlineAndADismissalAReason() {
    ReviewCase confirmed = caseIn(CaseStatus.CONFIRMED);
    assertThatThrownBy(
            () ->
                workflow.transition(
                    confirmed.id(),
                    new Transition(CaseStatus.NOTICE_ISSUED, "张科长", null, null, null)))
        .hasMessage("a rectification notice needs a deadline");
    assertThatThrownBy(
            () ->
                workflow.transition(
                    confirmed.id(),
                    new Transition(CaseStatus.NOTICE_ISSUED, "张科长", null, TODAY, null)))
        .hasMessage("the deadline 2026-11-24 must be after today (2026-11-24)");
    ReviewCase fresh = caseIn(CaseStatus.NEW);
    assertThatThrownBy(
            () ->
                workflow.transition(
                    fresh.id(), new Transition(CaseStatus.DISMISSED, "李审核", "误报", null, " ")))
        .hasMessageStartingWith("a dismissal needs a reason");
    assertThatThrownBy(
            () ->
                workflow.transition(
                    fresh.id(), new Transition(CaseStatus.IN_REVIEW, " ", null, null, null)))
        .hasMessage("say who acts (actor)");
    assertThatThrownBy(() -> workflow.transition(999_999, to(CaseStatus.IN_REVIEW)))
        .isInstanceOf(java.util.NoSuchElementException.class)
        .hasMessage("no case #999999");

    ReviewCase noticed = workflow.transition(confirmed.id(), to(CaseStatus.NOTICE_ISSUED));
    assertThat(noticed.noticeDeadline()).isEqualTo(TODAY.plusDays(15));
    assertThat(workflow.timeline(noticed.id()).get(3).deadline()).isEqualTo(TODAY.plusDays(15));
  }

  @Test
  void noticesPastTheirDeadlineAreOverdue() {
    ReviewCase noticed = caseIn(CaseStatus.NOTICE_ISSUED);
    ReviewCase rechecked = caseIn(CaseStatus.RECHECK);
    assertThat(workflow.overdue()).extracting(ReviewCase::id).doesNotContain(noticed.id());
    CaseWorkflow later =
        new CaseWorkflow(
            dataSource(),
            cases,
            Clock.fixed(T0.plus(java.time.Duration.ofDays(16)), ZoneOffset.UTC));
    assertThat(later.overdue())
        .extracting(ReviewCase::id)
        .contains(noticed.id())
        .doesNotContain(rechecked.id());
  }

  @Test
  void reportsCountByCategoryAndStateAndListOverdueAndClosedCases() throws Exception {
    String county = "报表县" + HOSTS.incrementAndGet();
    ReviewCase dismissed = cases.open(siteIn(county, Set.of("GUARANTEED_RETURN"), 30));
    workflow.transition(dismissed.id(), to(CaseStatus.DISMISSED));
    ReviewCase noticed =
        cases.open(siteIn(county, Set.of("GUARANTEED_RETURN", "UNLICENSED_SOLICITATION"), 80));
    for (CaseStatus step : pathTo(CaseStatus.NOTICE_ISSUED)) {
      workflow.transition(noticed.id(), to(step));
    }
    cases.open(siteIn("别的县", Set.of("GUARANTEED_RETURN"), 50));

    // Sixteen days on, the notice (deadline: 15 days) is overdue.
    Clock later = Clock.fixed(T0.plus(java.time.Duration.ofDays(16)), ZoneOffset.UTC);
    CaseReports reports =
        new CaseReports(cases, new CaseWorkflow(dataSource(), cases, later), later);
    CaseReport report = reports.build(new ReportQuery(null, county, TODAY.minusDays(1), TODAY));
    assertThat(report.activeCases()).isEqualTo(2);
    assertThat(report.countsByCategory().get("GUARANTEED_RETURN"))
        .containsEntry(CaseStatus.DISMISSED, 1)
        .containsEntry(CaseStatus.NOTICE_ISSUED, 1);
    assertThat(report.countsByCategory().get("UNLICENSED_SOLICITATION"))
        .containsOnlyKeys(CaseStatus.NOTICE_ISSUED);
    assertThat(report.overdue()).extracting(ReviewCase::id).containsExactly(noticed.id());
    assertThat(report.closed())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.reviewCase().id()).isEqualTo(dismissed.id());
              assertThat(c.closing().reason()).isEqualTo("银行正规理财产品，误报");
            });

    java.io.StringWriter csv = new java.io.StringWriter();
    CaseReports.writeCsv(report, csv);
    String text = csv.toString();
    assertThat(text).startsWith("\uFEFF整治报告 单位=全部 县区=" + county);
    assertThat(text).contains("GUARANTEED_RETURN,0,0,0,1,0,0,0,1,2");
    assertThat(text).contains("合计,0,0,0,2,0,0,0,1,3");
    assertThat(text).contains(noticed.id() + ",wf");
    assertThat(text)
        .contains(dismissed.id() + ",")
        .contains("DISMISSED,2026-11-24,李审核,银行正规理财产品，误报");

    java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
    CaseReports.writeXlsx(report, xlsx);
    try (var book =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
      assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("汇总");
      assertThat(book.getSheet("汇总").getRow(2).getCell(0).getStringCellValue())
          .isEqualTo("GUARANTEED_RETURN");
      assertThat(book.getSheet("汇总").getRow(2).getCell(9).getNumericCellValue()).isEqualTo(2);
      assertThat(book.getSheet("逾期").getRow(1).getCell(0).getNumericCellValue())
          .isEqualTo(noticed.id());
      assertThat(book.getSheet("已办结").getRow(1).getCell(4).getStringCellValue())
          .isEqualTo("DISMISSED");
    }
  }

  static CaseInput siteIn(String county, Set<String> categories, int risk) {
    String host = "wf" + HOSTS.incrementAndGet() + ".test";
    return new CaseInput(
        CaseKind.SITE,
        host,
        host,
        "http://" + host + "/",
        categories,
        Set.of(),
        county,
        risk,
        List.of());
  }

  @Test
  void csvFieldsAreQuotedAndFormulasDefused() {
    assertThat(CaseReports.csv("a,b")).isEqualTo("\"a,b\"");
    assertThat(CaseReports.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CaseReports.csv("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
    assertThat(CaseReports.csv(null)).isEmpty();
  }

  @Test
  void escalationIsStickyAddsTheLeadingGroupsOfficeAndIsOnTheTrail() {
    ReviewCase c = cases.open(siteIn(null, Set.of("GUARANTEED_RETURN"), 40));
    assertThat(c.units()).containsExactly("comms");
    assertThat(c.escalatedAt()).isNull();
    assertThat(cases.escalate(c.id(), "red band, risk 90")).isTrue();
    assertThat(cases.escalate(c.id(), "again")).isFalse();
    ReviewCase escalated = cases.find(c.id()).orElseThrow();
    assertThat(escalated.escalatedAt()).isEqualTo(T0);
    assertThat(escalated.escalation()).isEqualTo("red band, risk 90");
    assertThat(escalated.units()).containsExactly("comms", "finance-office");
    // A later patrol recomputes the units: the escalation unit stays.
    ReviewCase again = cases.open(siteIn(null, Set.of("GUARANTEED_RETURN"), 40));
    assertThat(
            cases
                .open(
                    new CaseInput(
                        CaseKind.SITE,
                        c.platformKey(),
                        c.host(),
                        c.url(),
                        Set.of("GUARANTEED_RETURN"),
                        Set.of(),
                        null,
                        45,
                        List.of()))
                .units())
        .contains("finance-office");
    assertThat(again.units()).doesNotContain("finance-office");
    assertThat(workflow.timeline(c.id()))
        .extracting(CaseEvent::comment)
        .contains("escalated for immediate report: red band, risk 90");
  }
}
