package org.finpatrol.app.cluster;

import java.io.IOException;
import java.util.Map;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.CoreBeans;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.patrol.PartitionWorkerConfiguration;
import org.finpatrol.app.patrol.Progress;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@code finpatrol worker}: takes partition requests from the broker, one at a time, and runs the
 * partition step for each (crawl, index shard, classify) against the shared database and data
 * directory. Its context holds the modules a partition needs and nothing else: no web server, no
 * scheduler, and not the main index, whose write lock is the manager's.
 */
@EnableAutoConfiguration
@Import({CoreBeans.class, PartitionWorkerConfiguration.class, ClusterConfiguration.class})
public class WorkerApplication {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("finpatrol.worker");

  /**
   * Starts a worker for these paths; it listens until the context is closed, and reports each
   * partition's progress to {@code progress} (and the log).
   */
  public static ConfigurableApplicationContext start(
      AppPaths paths, Map<String, Object> extra, Progress progress) throws IOException {
    SpringApplication app = new SpringApplication(WorkerApplication.class);
    Progress logged =
        line -> {
          LOG.info(line);
          progress.line(line);
        };
    app.addInitializers(
        context -> context.getBeanFactory().registerSingleton("workerProgress", logged));
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setDefaultProperties(FinPatrolApplication.properties(paths, 0, extra));
    app.setRegisterShutdownHook(true);
    return app.run();
  }

  /**
   * Spring Batch Integration's handler of step execution requests: it loads the partition's step
   * execution from the job repository, runs the step and records the outcome there, where the
   * manager polls for it.
   */
  @Bean
  StepExecutionRequestHandler stepExecutionRequestHandler(
      JobRepository jobs, Step partitionWorkerStep) {
    StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
    handler.setJobRepository(jobs);
    handler.setStepLocator(
        name -> {
          if (!name.equals(partitionWorkerStep.getName())) {
            throw new IllegalArgumentException(
                "this worker runs only the step '" + partitionWorkerStep.getName() + "'");
          }
          return partitionWorkerStep;
        });
    return handler;
  }

  /**
   * Takes one request at a time (prefetch 1, so a busy worker leaves the next partition to an idle
   * one). A request is acknowledged once its step has run, whatever its outcome; a worker that dies
   * first leaves it on the queue for another.
   */
  @Bean(destroyMethod = "stop")
  SimpleMessageListenerContainer partitionListener(
      CachingConnectionFactory brokerConnections,
      StepExecutionRequestHandler handler,
      Progress workerProgress,
      @Value(Broker.QUEUE_PROPERTY) String queue) {
    Broker.declare(brokerConnections, queue);
    SimpleMessageListenerContainer container =
        new SimpleMessageListenerContainer(brokerConnections);
    container.setQueueNames(queue);
    container.setConcurrentConsumers(1);
    container.setPrefetchCount(1);
    container.setDefaultRequeueRejected(false);
    container.setMessageListener(
        message -> {
          StepExecutionRequest request;
          try {
            request = Broker.decode(message.getBody());
          } catch (IllegalArgumentException e) {
            workerProgress.line("skipped a message: " + e.getMessage());
            return;
          }
          var execution = handler.handle(request);
          workerProgress.line(
              execution.getStepName()
                  + " of patrol #"
                  + execution.getJobExecution().getJobParameters().getLong("run.id")
                  + ": "
                  + execution.getExitStatus().getExitCode()
                  + (execution.getFailureExceptions().isEmpty()
                      ? ""
                      : " (" + execution.getFailureExceptions().get(0).getMessage() + ")"));
        });
    return container;
  }
}
