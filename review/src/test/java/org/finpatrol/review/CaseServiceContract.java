package org.finpatrol.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
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

  abstract DataSource dataSource();

  @BeforeEach
  void migrate() throws Exception {
    DataSource ds = dataSource();
    ReviewSchema.migrate(ds);
    cases =
        new CaseService(
            ds, Routing.load(Path.of("../config/units.yml")), Clock.fixed(T0, ZoneOffset.UTC));
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
    assertThat(cases.list(new CaseQuery(null, CaseStatus.DISMISSED))).isEmpty();
  }
}
