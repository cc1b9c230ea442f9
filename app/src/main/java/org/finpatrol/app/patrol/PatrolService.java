package org.finpatrol.app.patrol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.finpatrol.app.store.DatabaseRetry;
import org.finpatrol.app.store.DatabaseUnavailableException;
import org.finpatrol.app.tips.TipService;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.ReviewCase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * Runs patrols: records the request as a new run, launches the patrol job for it and waits, then
 * reports. One patrol at a time per process.
 */
@Service
public class PatrolService {

  static final int MAX_FAILURES_REPORTED = 10;

  private final JobOperator jobs;
  private final Job patrolJob;
  private final PatrolStore store;
  private final CaseService cases;
  private final ProgressRelay progress;
  private final TipService tips;
  private final CaseWorkflow workflow;
  private final org.springframework.batch.core.repository.JobRepository repository;
  private final java.time.Clock clock;
  private final DatabaseRetry databaseRetry;

  /** A running patrol touches its run this often; {@link #DEAD_AFTER} without it means dead. */
  static final Duration HEARTBEAT = Duration.ofSeconds(5);

  static final Duration DEAD_AFTER = Duration.ofSeconds(30);

  /** Times a patrol resumes itself after the database came back, before it gives up. */
  static final int MAX_DATABASE_RESUMES = 3;

  /** A patrol whose process died: its run, job execution and the step it was in. */
  public record Interrupted(long runId, long executionId, String step, int pagesSaved) {}

  public PatrolService(
      JobOperator jobs,
      Job patrolJob,
      PatrolStore store,
      CaseService cases,
      ProgressRelay progress,
      TipService tips,
      CaseWorkflow workflow,
      org.springframework.batch.core.repository.JobRepository repository,
      java.time.Clock clock,
      DatabaseRetry databaseRetry) {
    this.databaseRetry = databaseRetry;
    this.repository = repository;
    this.clock = clock;
    this.tips = tips;
    this.workflow = workflow;
    this.jobs = jobs;
    this.patrolJob = patrolJob;
    this.store = store;
    this.cases = cases;
    this.progress = progress;
  }

  /** Runs a patrol to its end and reports; progress lines go to {@code progress}. */
  public PatrolReport run(PatrolRequest request, Progress progressTo) throws Exception {
    return run(request, 1, progressTo);
  }

  /**
   * Runs a patrol spread over {@code partitions} partitions of its hosts, each crawled, indexed and
   * classified by whichever {@code finpatrol worker} takes it (1: all in this process).
   */
  public synchronized PatrolReport run(PatrolRequest request, int partitions, Progress progressTo)
      throws Exception {
    List<TipService.Tip> tips = this.tips.pending();
    if (!tips.isEmpty()) {
      request = request.plusSeeds(tips.stream().map(TipService.Tip::url).toList());
      progressTo.line("tips: " + tips.size() + " URL(s) reported by the public join this patrol");
    }
    List<String> recheck = new ArrayList<>();
    List<String> asked = request.seeds();
    for (ReviewCase c : cases.list(new CaseQuery(null, CaseStatus.RECHECK))) {
      cases.citedUrls(c.id()).stream()
          .filter(u -> !asked.contains(u) && !recheck.contains(u))
          .forEach(recheck::add);
    }
    if (!recheck.isEmpty()) {
      request = request.plusSeeds(recheck);
      progressTo.line(
          "re-check: "
              + recheck.size()
              + " cited URL(s) of cases awaiting re-check join this patrol");
    }
    long runId = store.createRun(request, partitions);
    this.tips.queued(tips, runId);
    JobParameters parameters = parametersOf(runId);
    progress.to(progressTo);
    JobExecution execution;
    try (Heartbeat beat = new Heartbeat(() -> store.beats().heartbeat(runId), HEARTBEAT)) {
      // The run id goes on every log line the job writes from this thread.
      try (var mdc = org.slf4j.MDC.putCloseable("patrol", Long.toString(runId))) {
        progressTo.line("patrol #" + runId + " started");
        execution = untilSettled(runId, () -> jobs.start(patrolJob, parameters), progressTo);
      }
    } finally {
      progress.to(Progress.NONE);
    }
    return report(runId, execution);
  }

  /**
   * The patrol whose job execution is still marked running but whose process has stopped beating:
   * killed, crashed, or the machine lost power. Empty when there is none (a patrol that is alive in
   * another process is not interrupted).
   */
  public java.util.Optional<Interrupted> interrupted() {
    java.util.Optional<JobExecution> crashed =
        repository.findRunningJobExecutions(PatrolJobConfiguration.JOB_NAME).stream()
            .filter(e -> e.getJobParameters().getLong(PatrolJobConfiguration.RUN_ID) != null)
            .filter(
                e ->
                    !store
                        .beats()
                        .beatingWithin(
                            e.getJobParameters().getLong(PatrolJobConfiguration.RUN_ID),
                            DEAD_AFTER))
            .min(java.util.Comparator.comparingLong(JobExecution::getId));
    if (crashed.isPresent()) {
      return crashed.map(this::describe);
    }
    // The latest patrol failed (the disk was full, the database away too long): resumable too.
    var last = repository.getLastJobInstance(PatrolJobConfiguration.JOB_NAME);
    JobExecution latest = last == null ? null : repository.getLastJobExecution(last);
    if (latest != null
        && latest.getStatus() == BatchStatus.FAILED
        && latest.getJobParameters().getLong(PatrolJobConfiguration.RUN_ID) != null) {
      return java.util.Optional.of(describe(latest));
    }
    return java.util.Optional.empty();
  }

  private Interrupted describe(JobExecution e) {
    long runId = e.getJobParameters().getLong(PatrolJobConfiguration.RUN_ID);
    String step =
        e.getStepExecutions().stream()
            .filter(s -> s.getStatus().isRunning() || s.getStatus() == BatchStatus.FAILED)
            .map(StepExecution::getStepName)
            .findFirst()
            .orElse("?");
    return new Interrupted(runId, e.getId(), step, store.pagesStored(runId));
  }

  /**
   * Resumes an interrupted patrol: its execution is marked failed, then restarted; Spring Batch
   * skips the steps that completed and resumes the chunk steps after their last commit (the crawl
   * step starts its crawl again, clearing what the dead one stored).
   */
  public synchronized PatrolReport resume(Interrupted interrupted, Progress progressTo)
      throws Exception {
    // A spread patrol whose manager died may still have partitions running in workers: sent
    // again now, two workers would crawl the same hosts into the same rows.
    List<Integer> running = store.beats().partitionsBeatingWithin(interrupted.runId(), DEAD_AFTER);
    if (!running.isEmpty()) {
      throw new PartitionsStillRunningException(interrupted.runId(), running);
    }
    recoverIfRunning(interrupted);
    progress.to(progressTo);
    JobExecution execution;
    try (Heartbeat beat =
        new Heartbeat(() -> store.beats().heartbeat(interrupted.runId()), HEARTBEAT)) {
      try (var mdc = org.slf4j.MDC.putCloseable("patrol", Long.toString(interrupted.runId()))) {
        progressTo.line(
            "patrol #"
                + interrupted.runId()
                + " resumed (interrupted in step "
                + interrupted.step()
                + ")");
        execution =
            untilSettled(
                interrupted.runId(),
                () -> jobs.restart(repository.getJobExecution(interrupted.executionId())),
                progressTo);
      }
    } finally {
      progress.to(Progress.NONE);
    }
    return report(interrupted.runId(), execution);
  }

  /** Gives an interrupted patrol up: its execution is marked abandoned and never resumed. */
  public void abandon(Interrupted interrupted) throws Exception {
    recoverIfRunning(interrupted);
    jobs.abandon(repository.getJobExecution(interrupted.executionId()));
  }

  /** A crashed execution still says it runs: mark it failed so it can be restarted. */
  private void recoverIfRunning(Interrupted interrupted) {
    markFailed(repository.getJobExecution(interrupted.executionId()));
  }

  /**
   * Marks an execution that still says it runs, or whose end could not be recorded (UNKNOWN: the
   * database went away as the step failed), and such steps of it, as failed, so Spring Batch
   * restarts it. Safe for this job: the crawl step starts its crawl again, and a chunk step's
   * position is committed with its chunk's rows, so it is never ahead of what is stored.
   */
  private void markFailed(JobExecution e) {
    java.time.LocalDateTime now = java.time.LocalDateTime.now(clock);
    for (StepExecution step : e.getStepExecutions()) {
      if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
        step.setStatus(BatchStatus.FAILED);
        step.setEndTime(now);
        repository.update(step);
      }
    }
    if (e.getStatus().isRunning() || e.getStatus() == BatchStatus.UNKNOWN) {
      e.setStatus(BatchStatus.FAILED);
      e.setEndTime(now);
      repository.update(e);
    }
  }

  /** Starts or restarts the patrol job; the caller's thread runs it to its end. */
  @FunctionalInterface
  private interface Launch {
    JobExecution run() throws Exception;
  }

  /**
   * Runs the job; when it ends because the database went away, waits for the database with backoff
   * (up to {@link DatabaseRetry#budget()}) and resumes the job where its last commit left it, at
   * most {@link #MAX_DATABASE_RESUMES} times. A database that does not come back ends the patrol
   * with a {@link DatabaseUnavailableException} that says how to resume it.
   */
  private JobExecution untilSettled(long runId, Launch launch, Progress out) throws Exception {
    Launch next = launch;
    for (int resumes = 0; ; resumes++) {
      Exception lost;
      try {
        JobExecution execution = next.run();
        lost = lostDatabase(execution);
        if (lost == null || resumes == MAX_DATABASE_RESUMES) {
          return execution;
        }
      } catch (Exception e) {
        if (!DatabaseRetry.isConnectionFailure(e) || resumes == MAX_DATABASE_RESUMES) {
          throw e;
        }
        lost = e;
      }
      out.line(
          "patrol #"
              + runId
              + ": the database went away ("
              + firstLine(lost)
              + "); waiting up to "
              + databaseRetry.budget().toSeconds()
              + " s for it to come back");
      JobExecution stored;
      try {
        stored =
            databaseRetry.call(
                "waiting to resume patrol #" + runId,
                () -> {
                  store.beats().heartbeat(runId);
                  return repository.getLastJobExecution(
                      PatrolJobConfiguration.JOB_NAME, parametersOf(runId));
                });
      } catch (DatabaseUnavailableException e) {
        throw new DatabaseUnavailableException(
            e.getMessage()
                + "; patrol #"
                + runId
                + " stopped, and `finpatrol patrol` resumes it once the database is back",
            e);
      }
      if (stored == null) {
        // The database went away before the job's execution was even recorded.
        next = () -> jobs.start(patrolJob, parametersOf(runId));
      } else if (stored.getStatus() == BatchStatus.COMPLETED) {
        return stored;
      } else {
        markFailed(stored);
        long id = stored.getId();
        next = () -> jobs.restart(repository.getJobExecution(id));
      }
      out.line("patrol #" + runId + ": the database is back; resuming");
    }
  }

  private static JobParameters parametersOf(long runId) {
    return new JobParametersBuilder()
        .addLong(PatrolJobConfiguration.RUN_ID, runId)
        .toJobParameters();
  }

  /**
   * The connection failure that ended this execution, or null if it did not end for want of one.
   */
  private static Exception lostDatabase(JobExecution execution) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      return null;
    }
    for (Throwable t : execution.getAllFailureExceptions()) {
      if (DatabaseRetry.isConnectionFailure(t)) {
        return t instanceof Exception e ? e : new IllegalStateException(t);
      }
    }
    return execution.getStatus() == BatchStatus.UNKNOWN
        ? new IllegalStateException("the end of a step could not be recorded")
        : null;
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  private PatrolReport report(long runId, JobExecution execution) {
    List<PatrolReport.StepCount> steps = new ArrayList<>();
    List<ReviewCase> touched = new ArrayList<>();
    for (StepExecution known : execution.getStepExecutions()) {
      // A partition's step ran in a worker: this process holds only the request it sent.
      StepExecution step =
          known.getStepName().contains(":")
              ? java.util.Objects.requireNonNullElse(
                  repository.getStepExecution(known.getId()), known)
              : known;
      steps.add(
          new PatrolReport.StepCount(
              step.getStepName(),
              step.getStatus().name(),
              step.getReadCount(),
              step.getWriteCount()));
      String ids = step.getExecutionContext().getString(QueueTasklet.CASE_IDS, "");
      for (String id : ids.split(",")) {
        if (!id.isBlank()) {
          cases.find(Long.parseLong(id)).ifPresent(touched::add);
        }
      }
    }
    Duration elapsed =
        execution.getStartTime() == null || execution.getEndTime() == null
            ? Duration.ZERO
            : Duration.between(execution.getStartTime(), execution.getEndTime());
    String exit = execution.getExitStatus().getExitDescription();
    if (exit == null || exit.isBlank()) {
      // The job is a flow: its own exit status says FAILED, the failed step says why.
      exit =
          execution.getStepExecutions().stream()
              .filter(step -> step.getStatus().isUnsuccessful())
              .map(step -> step.getExitStatus().getExitDescription())
              .filter(d -> d != null && !d.isBlank())
              .findFirst()
              .orElse(exit);
    }
    return new PatrolReport(
        runId,
        execution.getId(),
        execution.getStatus().name(),
        exit,
        elapsed,
        steps,
        store.statusCounts(runId),
        store.changeCounts(runId),
        store.failures(runId, MAX_FAILURES_REPORTED),
        store.verdicts().platforms(runId),
        touched,
        workflow.overdue());
  }
}
