package org.finpatrol.app.patrol;

import java.io.IOException;
import org.finpatrol.indexer.PageIndex;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The platform step: one risk-scored aggregate per host of the run, its risk also set on the host's
 * pages in the index (search sorts by it).
 */
final class PlatformTasklet implements Tasklet {

  private final PatrolStore store;
  private final RiskModel risk;
  private final PageIndex index;

  PlatformTasklet(PatrolStore store, RiskModel risk, PageIndex index) {
    this.store = store;
    this.risk = risk;
    this.index = index;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk)
      throws IOException {
    long runId = RunIds.of(chunk);
    for (HostLabels host : store.verdicts().hostLabels(runId)) {
      contribution.incrementReadCount();
      Platform platform = risk.score(host);
      store.verdicts().savePlatform(runId, platform);
      index.setHostRisk(platform.host(), platform.risk());
      contribution.incrementWriteCount(1);
    }
    index.commit();
    return RepeatStatus.FINISHED;
  }
}
