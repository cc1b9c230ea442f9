package org.finpatrol.app.cli;

import java.io.IOException;
import java.time.Clock;
import javax.sql.DataSource;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.store.DatabaseSettings;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.ReviewSchema;
import org.finpatrol.review.Routing;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The review tables for commands that run without Spring ({@code cases}, {@code report}): the
 * configured database, migrated, with routing from {@code config/units.yml}.
 */
record ReviewDatabase(DataSource dataSource, Routing routing, CaseService cases, Clock clock) {

  static ReviewDatabase open(AppPaths paths) throws IOException {
    Routing routing;
    try {
      routing = Routing.load(paths.units());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    DatabaseSettings db = DatabaseSettings.from(System.getenv(), paths.data());
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(db.url(), db.user(), db.password());
    ReviewSchema.migrate(dataSource);
    Clock clock = Clock.systemUTC();
    return new ReviewDatabase(
        dataSource, routing, new CaseService(dataSource, routing, clock), clock);
  }

  /** Refuses a unit id {@code units.yml} does not declare, naming the ones it does. */
  void checkUnit(String unit) {
    if (unit != null && !routing.isUnit(unit)) {
      throw new UsageException(
          "unknown --unit '"
              + unit
              + "' (one of "
              + String.join(", ", routing.units().keySet())
              + ")");
    }
  }

  CaseWorkflow workflow() {
    return new CaseWorkflow(dataSource, cases, clock);
  }
}
