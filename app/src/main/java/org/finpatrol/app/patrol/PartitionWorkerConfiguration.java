package org.finpatrol.app.patrol;

import javax.sql.DataSource;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.store.DatabaseRetry;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.text.ReloadingSegmenter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The step a {@code finpatrol worker} runs for each partition the manager sends ({@link
 * PartitionTasklet}). Imported by the worker's application only: the manager's context has no use
 * for it.
 */
@org.springframework.context.annotation.Import(PatrolResources.class)
public class PartitionWorkerConfiguration {

  /** The name of the worker step, which the manager's partition requests name. */
  public static final String WORKER_STEP = "partition";

  @Bean
  Step partitionWorkerStep(
      JobRepository jobs,
      PatrolStore store,
      AppPaths paths,
      DataSource dataSource,
      Classifier classifier,
      ReloadingSegmenter segmenters,
      PlatformTransactionManager tx,
      Progress workerProgress,
      PatrolResources.Workers workers,
      DatabaseRetry databaseRetry,
      @Value("${finpatrol.min-free-mb:256}") long minFreeMb) {
    CrawlTasklet crawl =
        new CrawlTasklet(store, paths, workerProgress, minFreeMb << 20, databaseRetry, tx);
    return new StepBuilder(WORKER_STEP, jobs)
        .tasklet(
            new PartitionTasklet(
                crawl, store, paths, dataSource, classifier, segmenters, workers, workerProgress),
            new ResourcelessTransactionManager())
        .listener(new JobLogContext())
        .build();
  }
}
