package org.finpatrol.app;

import java.io.IOException;
import java.time.Clock;
import javax.sql.DataSource;
import org.finpatrol.app.demo.DemoSites;
import org.finpatrol.app.patrol.PatrolStore;
import org.finpatrol.app.store.LicenceStore;
import org.finpatrol.app.store.V1__BatchSchema;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.licence.LicenceRegistry;
import org.finpatrol.text.ReloadingSegmenter;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The beans every FinPatrol process needs, the application's and a {@code finpatrol worker}'s: the
 * paths, the schema, the segmenter, the classifier and the patrol tables. Not component-scanned
 * (each application imports it), so that a worker's context holds nothing else, the main index
 * above all: the manager holds its write lock.
 */
public class CoreBeans {

  @Bean
  AppPaths appPaths(org.springframework.core.env.Environment env) {
    return new AppPaths(
        java.nio.file.Path.of(env.getRequiredProperty("finpatrol.data-dir")),
        java.nio.file.Path.of(env.getRequiredProperty("finpatrol.config-dir")));
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  FlywayConfigurationCustomizer batchSchema() {
    return config -> config.javaMigrations(new V1__BatchSchema());
  }

  /**
   * Migrates like Flyway does, but a process that meets another migrating the same fresh database
   * at the same moment (a manager and its workers started together) waits and tries again: Flyway's
   * first baseline of an empty schema is not safe against a second process, its later migrations
   * are (they hold a database lock).
   */
  @Bean
  org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy migrateOnceAtATime() {
    return flyway -> {
      for (int attempt = 1; ; attempt++) {
        try {
          flyway.migrate();
          return;
        } catch (org.flywaydb.core.api.FlywayException e) {
          if (attempt == 10) {
            throw e;
          }
          pause(attempt * 500L);
        }
      }
    };
  }

  @SuppressForbidden(reason = "waits for another process's migration, a second or so")
  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to migrate the database", e);
    }
  }

  /** The segmenter of the moment: edits to the dictionaries apply without a restart. */
  @Bean
  ReloadingSegmenter segmenters(AppPaths paths) throws IOException {
    return new ReloadingSegmenter(paths.dictionaries());
  }

  /**
   * The classifier with the licence registry of {@code config/licences.csv}; the demo adds its
   * fictional licensed bank ({@code finpatrol.demo-licences}), which the real list must not hold.
   */
  @Bean
  Classifier classifier(
      AppPaths paths,
      org.springframework.core.env.Environment env,
      LicenceStore licences,
      // The licence table must exist before the file's rows go in: migrations first.
      org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer migrations)
      throws IOException {
    LicenceRegistry registry = LicenceRegistry.load(paths.licences());
    if (env.getProperty("finpatrol.demo-licences", Boolean.class, false)) {
      registry = registry.plus(DemoSites.licences());
    }
    // The file's rows go to the database, beside the rows admins add; the classifier asks the
    // database's registry, so an admin's edit applies to the next page.
    licences.loadFile(registry);
    return Classifiers.load(paths, registry).withLicences(licences::current);
  }

  @Bean
  LicenceStore licenceStore(DataSource dataSource, Clock clock) {
    return new LicenceStore(dataSource, clock);
  }

  @Bean
  PatrolStore patrolStore(DataSource dataSource, Clock clock) {
    return new PatrolStore(dataSource, clock);
  }
}
