package org.finpatrol.app.patrol;

import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Puts the Spring Batch job execution id (MDC key {@value #KEY}) on the log lines a patrol's job
 * writes, next to the run id {@link PatrolService} puts there: in the patrol's process for the
 * whole job, in a worker for the partition step it runs. The crawler threads and the chunk threads
 * take the context of the thread that starts them, so their lines carry both ids too.
 */
final class JobLogContext implements JobExecutionListener, StepExecutionListener {

  static final String KEY = "job";

  @Override
  public void beforeJob(JobExecution job) {
    MDC.put(KEY, Long.toString(job.getId()));
  }

  @Override
  public void afterJob(JobExecution job) {
    MDC.remove(KEY);
  }

  @Override
  public void beforeStep(StepExecution step) {
    MDC.put(KEY, Long.toString(step.getJobExecutionId()));
    Long run = step.getJobExecution().getJobParameters().getLong(PatrolJobConfiguration.RUN_ID);
    if (run != null) {
      MDC.put("patrol", Long.toString(run));
    }
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    MDC.remove(KEY);
    MDC.remove("patrol");
    return null;
  }
}
