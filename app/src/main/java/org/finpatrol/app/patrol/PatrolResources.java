package org.finpatrol.app.patrol;

import org.finpatrol.app.store.DatabaseRetry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * What the patrol's steps share wherever they run, in the patrol's own process or in a {@code
 * finpatrol worker}: the threads that process a chunk's pages and the wait for a database that went
 * away. Imported by {@link PatrolJobConfiguration} and by the worker's application.
 */
public class PatrolResources {

  /**
   * The threads on which the index and classify steps process a chunk's pages concurrently (one per
   * core unless {@code finpatrol.workers} says otherwise). The chunk is still read in order and
   * written and committed by the step's own thread, so a restart resumes after the last committed
   * chunk as before.
   */
  record Workers(ThreadPoolTaskExecutor executor) implements AutoCloseable {
    int threads() {
      return executor.getCorePoolSize();
    }

    @Override
    public void close() {
      executor.shutdown();
    }
  }

  @Bean
  Workers patrolWorkers(@Value("${finpatrol.workers:0}") int workers) {
    int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    pool.setCorePoolSize(threads);
    pool.setMaxPoolSize(threads);
    pool.setThreadNamePrefix("patrol-worker-");
    pool.setDaemon(true);
    // A chunk's pages are logged with the patrol's run and job ids, as on the step's own thread.
    pool.setTaskDecorator(
        task -> {
          java.util.Map<String, String> context = org.slf4j.MDC.getCopyOfContextMap();
          return () -> {
            if (context != null) {
              org.slf4j.MDC.setContextMap(context);
            }
            try {
              task.run();
            } finally {
              org.slf4j.MDC.clear();
            }
          };
        });
    pool.initialize();
    return new Workers(pool);
  }

  /**
   * How long a patrol waits for a database that went away ({@code finpatrol.db-wait-seconds},
   * default five minutes) before it stops; {@code finpatrol patrol} resumes it later.
   */
  @Bean
  DatabaseRetry databaseRetry(@Value("${finpatrol.db-wait-seconds:300}") long seconds) {
    return new DatabaseRetry(java.time.Duration.ofSeconds(seconds));
  }
}
