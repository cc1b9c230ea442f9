package org.finpatrol.app.patrol;

import org.springframework.batch.core.scope.context.ChunkContext;

/** Reads the run id job parameter inside a step. */
final class RunIds {
  private RunIds() {}

  static long of(org.springframework.batch.core.job.JobExecution job) {
    Long value = job.getJobParameters().getLong(PatrolJobConfiguration.RUN_ID);
    if (value == null) {
      throw new IllegalStateException(
          "job parameter " + PatrolJobConfiguration.RUN_ID + " missing");
    }
    return value;
  }

  static long of(ChunkContext chunk) {
    Object value = chunk.getStepContext().getJobParameters().get(PatrolJobConfiguration.RUN_ID);
    if (!(value instanceof Number n)) {
      throw new IllegalStateException(
          "job parameter " + PatrolJobConfiguration.RUN_ID + " missing");
    }
    return n.longValue();
  }
}
