package org.finpatrol.review;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The review module's tables, migrated by Flyway from {@code classpath:db/review} with a history
 * table of their own, so the module owns its schema next to the patrol's and Spring Batch's in the
 * same database.
 */
public final class ReviewSchema {

  static final String HISTORY_TABLE = "flyway_review_history";

  private ReviewSchema() {}

  /** Applies pending migrations; safe to call on every start. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/review")
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
