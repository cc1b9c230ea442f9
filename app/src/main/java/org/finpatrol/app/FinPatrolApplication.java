package org.finpatrol.app;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.finpatrol.app.store.DatabaseSettings;
import org.finpatrol.classifier.Labels;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.review.CaseReports;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.ReviewSchema;
import org.finpatrol.review.Routing;
import org.finpatrol.text.ReloadingSegmenter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application behind {@code patrol}, {@code demo} and {@code serve}: one bean per
 * module facade, configured from {@link AppPaths}. Commands that need no database or job ({@code
 * search}, {@code classify}, {@code analyze}, {@code cases}) run without it, for speed.
 */
@SpringBootApplication
@org.springframework.context.annotation.Import(CoreBeans.class)
public class FinPatrolApplication {

  /**
   * Starts the application for these paths; {@code web} adds the web server on {@code port}.
   *
   * @throws ConfigCheck.InvalidConfigurationException listing every problem of the configuration
   */
  public static ConfigurableApplicationContext start(
      AppPaths paths, boolean web, int port, Map<String, Object> extra) throws IOException {
    SpringApplication app = new SpringApplication(FinPatrolApplication.class);
    app.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
    app.setDefaultProperties(properties(paths, port, extra));
    app.setRegisterShutdownHook(true);
    return app.run();
  }

  /**
   * The properties every FinPatrol process starts with (this application and {@code finpatrol
   * worker}'s), after checking the whole configuration: every problem at once, before any work (the
   * beans would stop at the first).
   */
  public static Map<String, Object> properties(AppPaths paths, int port, Map<String, Object> extra)
      throws IOException {
    ConfigCheck.require(paths);
    Files.createDirectories(paths.logs());
    DatabaseSettings db = DatabaseSettings.from(System.getenv(), paths.data());
    Map<String, Object> props = new HashMap<>();
    props.put("spring.main.banner-mode", "off");
    props.put("spring.main.log-startup-info", "false");
    props.put("spring.datasource.url", db.url());
    props.put("spring.datasource.username", db.user());
    props.put("spring.datasource.password", db.password());
    props.put("spring.batch.job.enabled", "false");
    props.put("spring.batch.jdbc.initialize-schema", "never");
    props.put("spring.flyway.locations", "classpath:db/patrol");
    props.put("spring.flyway.table", "flyway_patrol_history");
    props.put("spring.flyway.baseline-on-migrate", "true");
    props.put("spring.flyway.baseline-version", "0");
    props.put("logging.config", "classpath:finpatrol-logback.xml");
    props.put("logging.file.name", paths.logs().resolve("finpatrol.log").toString());
    props.put("finpatrol.data-dir", paths.data().toString());
    props.put("finpatrol.config-dir", paths.config().toString());
    props.put("finpatrol.broker-url", org.finpatrol.app.cluster.Broker.url(System.getenv()));
    props.put("server.port", Integer.toString(port));
    // Loopback unless the command says otherwise (serve --address): exposing it is a decision.
    props.put("server.address", "127.0.0.1");
    props.put("server.servlet.session.cookie.same-site", "lax");
    props.put("server.servlet.session.timeout", "8h");
    props.put("spring.messages.basename", "messages");
    props.put("spring.messages.fallback-to-system-locale", "false");
    props.put("spring.thymeleaf.cache", "true");
    // Operations: /actuator/health for anyone (details for admins), metrics and Prometheus for
    // admins (SecurityConfiguration); disk space is that of the data directory.
    props.put("management.endpoints.web.exposure.include", "health,info,metrics,prometheus");
    props.put("management.endpoint.health.show-details", "when-authorized");
    props.put("management.endpoint.health.roles", "ADMIN");
    props.put("management.health.diskspace.path", paths.data().toAbsolutePath().toString());
    props.put("management.health.diskspace.threshold", "200MB");
    // Log lines of a patrol carry its run id and job execution id (PatrolService and
    // JobLogContext put them in the MDC); finpatrol.json has them as fields.
    props.put(
        "logging.pattern.correlation",
        "%replace([patrol %X{patrol}] ){'\\[patrol \\] ', ''}%replace([job %X{job}] ){'\\[job \\] ', ''}");
    props.put("finpatrol.json-log-file", paths.logs().resolve("finpatrol.json").toString());
    props.putAll(extra);
    return props;
  }

  @Bean
  Routing routing(AppPaths paths) throws IOException {
    return Routing.load(paths.units());
  }

  @Bean(destroyMethod = "close")
  PageIndex pageIndex(AppPaths paths, ReloadingSegmenter segmenters) throws IOException {
    return PageIndex.openForWriting(paths.index(), segmenters, Labels.all());
  }

  @Bean
  CaseService caseService(DataSource dataSource, Routing routing, Clock clock) {
    ReviewSchema.migrate(dataSource);
    return new CaseService(dataSource, routing, clock);
  }

  @Bean
  CaseWorkflow caseWorkflow(DataSource dataSource, CaseService cases, Clock clock) {
    return new CaseWorkflow(dataSource, cases, clock);
  }

  @Bean
  CaseReports caseReports(CaseService cases, CaseWorkflow workflow, Clock clock) {
    return new CaseReports(cases, workflow, clock);
  }

  @Bean
  org.finpatrol.app.patrol.CaseFacts caseFacts(DataSource dataSource) {
    return new org.finpatrol.app.patrol.CaseFacts(dataSource);
  }

  @Bean
  org.finpatrol.app.evidence.EvidenceStore evidenceStore(DataSource dataSource, AppPaths paths) {
    return new org.finpatrol.app.evidence.EvidenceStore(dataSource, paths.evidence());
  }

  /** {@code config/retention.yml}, checked at start-up. */
  @Bean
  org.finpatrol.app.retention.Retention retention(AppPaths paths) throws IOException {
    return org.finpatrol.app.retention.Retention.load(paths.retention());
  }

  @Bean
  org.finpatrol.app.schedule.ScheduleStore scheduleStore(
      DataSource dataSource,
      org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer migrations) {
    return new org.finpatrol.app.schedule.ScheduleStore(dataSource);
  }

  /**
   * {@code config/schedules.yml}, checked at start-up (a bad file stops every command with exit 2);
   * only {@code serve} starts the ticking.
   */
  @Bean(destroyMethod = "stop")
  org.finpatrol.app.schedule.ScheduledPatrols scheduledPatrols(
      AppPaths paths,
      org.finpatrol.app.schedule.ScheduleStore store,
      org.finpatrol.app.patrol.PatrolRunner runner,
      CaseService cases,
      Clock clock)
      throws IOException {
    return new org.finpatrol.app.schedule.ScheduledPatrols(
        org.finpatrol.app.schedule.ScheduledPatrols.load(paths),
        store,
        runner,
        cases,
        paths,
        clock);
  }
}
