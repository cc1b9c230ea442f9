package org.finpatrol.app.patrol;

import javax.sql.DataSource;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.store.DatabaseRetry;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.Counties;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The patrol job: seed → crawl → index → classify → platform → queue, one bean per step.
 *
 * <p>Each run is one job instance, identified by the {@code run.id} parameter (a row of {@code
 * patrol_run} holding the request). Index and classify are chunk steps over the run's fetched
 * pages, so a restart resumes after the last committed chunk; the other steps are idempotent
 * tasklets (the crawl clears what an interrupted crawl of the same run left before it starts).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import(PatrolResources.class)
public class PatrolJobConfiguration {

  public static final String JOB_NAME = "patrol";
  public static final String RUN_ID = "run.id";

  /**
   * Pages per chunk of the index and classify steps, and per batch of a partition's phases. Each
   * chunk ends in an index commit, which writes every indexing thread's buffer out as a segment
   * (and the classify step's label updates, field by field, over the segments they touch); small
   * segments are then merged again and again. At 500 pages, flushing and merging took a quarter of
   * the two steps' CPU on a 30,000-page patrol; at 2,000 the index step took 8.8–9.3 s instead of
   * 10.1 and the classify step 3.6–3.8 s instead of 4.2–4.5 (benchmarks/README.md). A chunk is
   * still under a second of work, so progress lines and a restart's repeated work stay small.
   */
  static final int CHUNK = 2000;

  /**
   * The job. A run spread over several partitions ({@code patrol --partitions N}) sends crawl,
   * index and classify of each partition to the workers and merges their index shards; platform and
   * queue then run here as for any run.
   */
  @Bean
  Job patrolJob(
      JobRepository jobs,
      Step seedStep,
      Step crawlStep,
      Step indexStep,
      Step classifyStep,
      Step partitionsStep,
      Step mergeStep,
      Step platformStep,
      Step queueStep,
      PatrolStore store) {
    JobExecutionDecider spread =
        (job, step) ->
            new FlowExecutionStatus(
                store.partitions(RunIds.of(job)) > 1 ? "PARTITIONED" : "ONE_PROCESS");
    return new JobBuilder(JOB_NAME, jobs)
        .listener(new JobLogContext())
        .start(seedStep)
        .next(spread)
        .on("PARTITIONED")
        .to(partitionsStep)
        .next(mergeStep)
        .next(platformStep)
        .next(queueStep)
        .from(spread)
        .on("*")
        .to(crawlStep)
        .next(indexStep)
        .next(classifyStep)
        .next(platformStep)
        .end()
        .build();
  }

  /**
   * The manager's side of a run spread over workers: one partition of the run's hosts for each
   * worker slot, sent as Spring Batch Integration step execution requests over RabbitMQ ({@code
   * partitionRequests}); the step then polls the shared job repository until every partition is
   * done. A partition that failed fails this step, and resuming the run sends only the partitions
   * that did not complete.
   */
  @Bean
  Step partitionsStep(
      JobRepository jobs,
      org.springframework.batch.core.partition.Partitioner hostPartitioner,
      @org.springframework.beans.factory.annotation.Qualifier("partitionRequests")
          org.springframework.messaging.MessageChannel partitionRequests,
      org.springframework.beans.factory.BeanFactory beans,
      PatrolStore store,
      ProgressRelay progress) {
    return new org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder(
            "partitions", jobs)
        .partitioner(PartitionWorkerConfiguration.WORKER_STEP, hostPartitioner)
        .gridSize(1)
        .outputChannel(partitionRequests)
        .pollInterval(1000)
        .beanFactory(beans)
        .listener(new PartitionsProgress(store, progress))
        .build();
  }

  @Bean
  @StepScope
  org.springframework.batch.core.partition.Partitioner hostPartitioner(
      PatrolStore store,
      ProgressRelay progress,
      PageIndex index,
      @Value("#{jobParameters['" + RUN_ID + "']}") Long runId) {
    return new HostPartitioner(store, runId, progress, index.storesOffsets());
  }

  /** Takes each partition's index shard into the index, then removes the partitions' files. */
  @Bean
  Step mergeStep(JobRepository jobs, PageIndex index, AppPaths paths, ProgressRelay progress) {
    return new StepBuilder("merge", jobs)
        .tasklet(
            new MergeShardsTasklet(index, paths, progress), new ResourcelessTransactionManager())
        .build();
  }

  @Bean
  Step seedStep(JobRepository jobs, PatrolStore store) {
    return new StepBuilder("seed", jobs)
        .tasklet(new SeedTasklet(store), new ResourcelessTransactionManager())
        .build();
  }

  @Bean
  Step crawlStep(
      JobRepository jobs,
      PatrolStore store,
      AppPaths paths,
      ProgressRelay progress,
      DatabaseRetry databaseRetry,
      PlatformTransactionManager tx,
      @Value("${finpatrol.min-free-mb:256}") long minFreeMb) {
    // The crawl's writes are the pages saved by crawler threads, each committed on its own; the
    // step itself holds no transaction open for the length of a crawl.
    return new StepBuilder("crawl", jobs)
        .tasklet(
            new CrawlTasklet(store, paths, progress, minFreeMb << 20, databaseRetry, tx),
            new ResourcelessTransactionManager())
        .build();
  }

  @Bean
  Step indexStep(
      JobRepository jobs,
      PlatformTransactionManager tx,
      FetchedPages fetchedPages,
      PageIndex index,
      PatrolStore store,
      PatrolResources.Workers workers,
      ProgressRelay progress) {
    ChunkProgress<StoredPage> lines = new ChunkProgress<>("index", progress, store, null);
    return new StepBuilder("index", jobs)
        .<StoredPage, StoredPage>chunk(CHUNK)
        .transactionManager(tx)
        .reader(fetchedPages)
        .processor(new IndexProcessor(index, store))
        .taskExecutor(workers.executor())
        .writer(new IndexCommit(index, workers))
        .listener((org.springframework.batch.core.listener.StepExecutionListener) lines)
        .listener((org.springframework.batch.core.listener.ItemWriteListener<StoredPage>) lines)
        .build();
  }

  @Bean
  Step classifyStep(
      JobRepository jobs,
      PlatformTransactionManager tx,
      FetchedPages fetchedPages,
      Classifier classifier,
      PatrolStore store,
      PageIndex index,
      PatrolResources.Workers workers,
      ProgressRelay progress) {
    ChunkProgress<ClassifiedPage> lines =
        new ChunkProgress<>("classify", progress, store, ClassifiedPage::flagged);
    ClassifyWriter writer = new ClassifyWriter(store, index, false);
    return new StepBuilder("classify", jobs)
            .<StoredPage, ClassifiedPage>chunk(CHUNK)
            .transactionManager(tx)
            .reader(fetchedPages)
            .processor(new ClassifyProcessor(classifier, store))
            .taskExecutor(workers.executor())
            .writer(writer)
            .stream(writer)
            .listener((org.springframework.batch.core.listener.StepExecutionListener) lines)
            .listener(
                (org.springframework.batch.core.listener.ItemWriteListener<ClassifiedPage>) lines)
            .build();
  }

  /** {@code config/risk.yml}, validated at start-up. */
  @Bean
  RiskSettings riskSettings(AppPaths paths) throws java.io.IOException {
    return RiskSettings.load(paths.risk());
  }

  @Bean
  Step platformStep(
      JobRepository jobs,
      PlatformTransactionManager tx,
      PatrolStore store,
      Classifier classifier,
      RiskSettings risk,
      PageIndex index) {
    return new StepBuilder("platform", jobs)
        .tasklet(new PlatformTasklet(store, new RiskModel(classifier.rules(), risk), index), tx)
        .build();
  }

  @Bean
  Step queueStep(
      JobRepository jobs,
      PlatformTransactionManager tx,
      PatrolStore store,
      CaseService cases,
      RiskSettings risk,
      AppPaths paths,
      CaseFacts facts)
      throws java.io.IOException {
    return new StepBuilder("queue", jobs)
        .tasklet(new QueueTasklet(store, facts, cases, Counties.load(paths.units()), risk), tx)
        .build();
  }

  /** The run's successfully fetched pages, in id order; restartable from the last chunk. */
  @Bean
  @StepScope
  FetchedPages fetchedPages(
      DataSource dataSource, @Value("#{jobParameters['" + RUN_ID + "']}") Long runId) {
    return new FetchedPages(dataSource, runId, null, CHUNK);
  }

  @Bean
  ProgressRelay progressRelay() {
    return new ProgressRelay();
  }
}
