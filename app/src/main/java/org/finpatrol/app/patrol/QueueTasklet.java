package org.finpatrol.app.patrol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.finpatrol.classifier.Labels;
import org.finpatrol.crawler.evidence.WarcEvidence;
import org.finpatrol.review.CaseInput;
import org.finpatrol.review.CaseKind;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.Evidence;
import org.finpatrol.review.ReviewCase;
import org.finpatrol.text.Normalizer;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The queue step: opens or updates one site case per flagged platform (host) and one ad case per
 * distinct flagged creative and landing platform, with the evidence of the pages behind them. The
 * ids of the cases touched are kept in the step's execution context for the run's report.
 */
final class QueueTasklet implements Tasklet {

  static final String CASE_IDS = "cases";

  private final PatrolStore store;
  private final CaseService cases;

  QueueTasklet(PatrolStore store, CaseService cases) {
    this.store = store;
    this.cases = cases;
  }

  /** An ad claiming guaranteed returns weighs like the claim (40), each further signal +20. */
  private static int adRisk(FlaggedAd ad) {
    return Math.min(100, 40 + 20 * ad.signals().size());
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    long runId = RunIds.of(chunk);
    List<Long> touched = new ArrayList<>();
    for (Platform platform : store.platforms(runId)) {
      contribution.incrementReadCount();
      if (platform.categories().isEmpty()) {
        continue;
      }
      List<Evidence> evidence = store.flaggedEvidence(runId, platform.host());
      String url = evidence.isEmpty() ? "http://" + platform.host() + "/" : evidence.get(0).url();
      ReviewCase c =
          cases.open(
              new CaseInput(
                  CaseKind.SITE,
                  platform.host(),
                  platform.host(),
                  url,
                  Set.copyOf(platform.categories()),
                  Set.copyOf(platform.signals()),
                  null,
                  platform.risk(),
                  evidence));
      touched.add(c.id());
    }
    Set<String> seenCreatives = new HashSet<>();
    for (FlaggedAd ad : store.flaggedAds(runId)) {
      contribution.incrementReadCount();
      String host = ad.landingHost() != null ? ad.landingHost() : ad.seenOnHost();
      String key =
          host
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
                  Set.of(Labels.GUARANTEED_RETURN),
                  Set.copyOf(ad.signals()),
                  null,
                  adRisk(ad),
                  evidence));
      if (seenCreatives.add(key)) {
        touched.add(c.id());
      }
    }
    contribution.incrementWriteCount(touched.size());
    chunk
        .getStepContext()
        .getStepExecution()
        .getExecutionContext()
        .putString(CASE_IDS, String.join(",", touched.stream().map(String::valueOf).toList()));
    return RepeatStatus.FINISHED;
  }
}
