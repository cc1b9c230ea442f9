package org.finpatrol.app.patrol;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The seed step: loads the run's request and counts its seed URLs (validated by the CLI before the
 * run was created, and by the crawler again as they are fetched).
 */
final class SeedTasklet implements Tasklet {

  private final PatrolStore store;

  SeedTasklet(PatrolStore store) {
    this.store = store;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
    long runId = RunIds.of(chunk);
    PatrolRequest request = store.loadRun(runId);
    contribution.incrementReadCount();
    contribution.incrementWriteCount(request.seeds().size());
    return RepeatStatus.FINISHED;
  }
}
