package org.finpatrol.app.patrol;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** The platform step: one risk-scored aggregate per host of the run. */
final class PlatformTasklet implements Tasklet {

  private final PatrolStore store;
  private final RiskModel risk;

  PlatformTasklet(PatrolStore store, RiskModel risk) {
    this.store = store;
    this.risk = risk;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    long runId = RunIds.of(chunk);
    for (HostLabels host : store.hostLabels(runId)) {
      contribution.incrementReadCount();
      store.savePlatform(runId, risk.score(host));
      contribution.incrementWriteCount(1);
    }
    return RepeatStatus.FINISHED;
  }
}
