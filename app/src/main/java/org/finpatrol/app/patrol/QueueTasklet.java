package org.finpatrol.app.patrol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.finpatrol.classifier.Labels;
import org.finpatrol.crawler.Urls;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.finpatrol.review.CaseInput;
import org.finpatrol.review.CaseKind;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.Counties;
import org.finpatrol.review.Evidence;
import org.finpatrol.review.ReviewCase;
import org.finpatrol.text.Normalizer;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The queue step: opens or updates one site case per flagged platform (registrable domain, so every
 * subdomain, port and path of one operator's site is one case) and one ad case per distinct flagged
 * creative and landing platform, with the evidence of the pages behind them. The ids of the cases
 * touched are kept in the step's execution context for the run's report.
 */
final class QueueTasklet implements Tasklet {

  static final String CASE_IDS = "cases";

  private final PatrolStore store;
  private final CaseFacts facts;
  private final CaseService cases;
  private final Counties counties;
  private final RiskSettings risk;

  QueueTasklet(
      PatrolStore store, CaseFacts facts, CaseService cases, Counties counties, RiskSettings risk) {
    this.store = store;
    this.facts = facts;
    this.cases = cases;
    this.counties = counties;
    this.risk = risk;
  }

  /**
   * For each case awaiting re-check, what this patrol found at the pages it cites (the patrol
   * seeded them): a remark on the case's trail for the reviewer who closes it or issues another
   * notice.
   */
  private void recheck(long runId) {
    for (ReviewCase c : cases.list(new CaseQuery(null, CaseStatus.RECHECK))) {
      List<CaseFacts.Recheck> found = new ArrayList<>();
      List<String> missed = new ArrayList<>();
      for (String url : cases.citedUrls(c.id())) {
        CaseFacts.Recheck r = facts.recheck(runId, url);
        if (r == null) {
          missed.add(url);
        } else {
          found.add(r);
        }
      }
      List<String> flagged =
          found.stream().filter(r -> r.findings() > 0).map(CaseFacts.Recheck::url).toList();
      long reached =
          found.stream()
              .filter(r -> r.fetchStatus().equals("OK") || r.fetchStatus().equals("NOT_MODIFIED"))
              .count();
      StringBuilder remark =
          new StringBuilder("re-check by patrol #")
              .append(runId)
              .append(": ")
              .append(reached)
              .append(" of ")
              .append(found.size() + missed.size())
              .append(" cited page(s) fetched; ");
      if (flagged.isEmpty()) {
        remark.append(reached == 0 ? "nothing to compare" : "no violation found on them any more");
      } else {
        remark.append("still flagged: ").append(String.join(" ", flagged));
      }
      found.stream()
          .filter(r -> !r.fetchStatus().equals("OK") && !r.fetchStatus().equals("NOT_MODIFIED"))
          .forEach(r -> remark.append("; ").append(r.url()).append(" ").append(r.fetchStatus()));
      cases.note(c.id(), remark.length() > 1000 ? remark.substring(0, 1000) : remark.toString());
    }
  }

  /**
   * Why a platform must be reported at once (red band; many more flagged pages than at the last
   * patrol), or null.
   */
  private String escalation(long runId, List<Platform> hosts) {
    int before = 0;
    int now = 0;
    for (Platform p : hosts) {
      int previous = facts.previousFlaggedPages(runId, p.host());
      before = previous < 0 || before < 0 ? -1 : before + previous;
      now += p.flaggedPages();
    }
    return escalation(hosts.get(0), before, now, risk);
  }

  /**
   * The escalation rule: red, or flagged pages up by at least {@code fastGrowthNewPages} and to at
   * least {@code fastGrowthFactor} times the last count ({@code before} is -1 for a platform no
   * earlier patrol saw, which is not growth).
   */
  static String escalation(Platform riskiest, int before, int now, RiskSettings risk) {
    if (riskiest.band().equals("red")) {
      return "red band, risk " + riskiest.risk();
    }
    if (before >= 0
        && now - before >= risk.fastGrowthNewPages()
        && now >= (long) Math.max(1, before) * risk.fastGrowthFactor()) {
      return "fast-growing: " + before + " → " + now + " flagged pages since the last patrol";
    }
    return null;
  }

  /** The county of the operator of these hosts, from the addresses and phones they give. */
  private String county(long runId, List<String> hosts) {
    List<String> addresses = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    for (String host : hosts) {
      CaseFacts.Contacts c = facts.contacts(runId, host);
      addresses.addAll(c.addresses());
      phones.addAll(c.phones());
    }
    return counties.of(addresses, phones);
  }

  /**
   * An ad's risk: a guaranteed-return claim weighs 40 and unlicensed marketing 30, as their rules
   * do; each signal adds 10.
   */
  static int adRisk(FlaggedAd ad) {
    int risk = 10 * ad.signals().size();
    if (ad.categories().contains(Labels.GUARANTEED_RETURN)) {
      risk += 40;
    }
    if (ad.categories().contains(Labels.UNLICENSED_SOLICITATION)) {
      risk += 30;
    }
    return Math.min(100, risk);
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    long runId = RunIds.of(chunk);
    List<Long> touched = new ArrayList<>();
    // One site case per platform (registrable domain): www.x.cn and m.x.cn are one operator.
    Map<String, List<Platform>> byPlatform = new LinkedHashMap<>();
    for (Platform platform : store.verdicts().platforms(runId)) {
      contribution.incrementReadCount();
      if (!platform.categories().isEmpty()) {
        byPlatform
            .computeIfAbsent(Urls.platform(platform.host()), k -> new ArrayList<>())
            .add(platform);
      }
    }
    for (Map.Entry<String, List<Platform>> e : byPlatform.entrySet()) {
      List<Platform> hosts = new ArrayList<>(e.getValue());
      hosts.sort(Comparator.comparingInt(Platform::risk).reversed());
      Platform riskiest = hosts.get(0);
      Set<String> categories = new TreeSet<>();
      Set<String> signals = new TreeSet<>();
      List<Evidence> evidence = new ArrayList<>();
      for (Platform p : hosts) {
        categories.addAll(p.categories());
        signals.addAll(p.signals());
        evidence.addAll(store.verdicts().flaggedEvidence(runId, p.host()));
      }
      String url = evidence.isEmpty() ? "http://" + riskiest.host() + "/" : evidence.get(0).url();
      ReviewCase c =
          cases.open(
              new CaseInput(
                  CaseKind.SITE,
                  e.getKey(),
                  riskiest.host(),
                  url,
                  categories,
                  signals,
                  county(runId, hosts.stream().map(Platform::host).toList()),
                  riskiest.risk(),
                  evidence));
      String why = escalation(runId, hosts);
      if (why != null) {
        cases.escalate(c.id(), why);
      }
      touched.add(c.id());
    }
    Set<String> seenCreatives = new HashSet<>();
    for (FlaggedAd ad : store.verdicts().flaggedAds(runId)) {
      contribution.incrementReadCount();
      String host = ad.landingHost() != null ? ad.landingHost() : ad.seenOnHost();
      String key =
          Urls.platform(host)
              + "#"
              + WarcEvidence.sha256Hex(
                      Normalizer.normalize(ad.text())
                          .replaceAll("\\s+", "")
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                  .substring(0, 16);
      List<Evidence> evidence = List.of(ad.evidence());
      ReviewCase c =
          cases.open(
              new CaseInput(
                  CaseKind.AD,
                  key,
                  host,
                  ad.landingUrl() != null ? ad.landingUrl() : ad.evidence().url(),
                  ad.categories(),
                  Set.copyOf(ad.signals()),
                  county(runId, List.of(host)),
                  adRisk(ad),
                  evidence));
      if (seenCreatives.add(key)) {
        touched.add(c.id());
      }
    }
    recheck(runId);
    contribution.incrementWriteCount(touched.size());
    chunk
        .getStepContext()
        .getStepExecution()
        .getExecutionContext()
        .putString(CASE_IDS, String.join(",", touched.stream().map(String::valueOf).toList()));
    return RepeatStatus.FINISHED;
  }
}
