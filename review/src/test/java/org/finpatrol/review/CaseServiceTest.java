package org.finpatrol.review;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The case contract on embedded H2, the default database, in the MySQL mode FinPatrol runs it in.
 */
class CaseServiceTest extends CaseServiceContract {

  private final DataSource dataSource =
      new SimpleDriverDataSource(
          new org.h2.Driver(),
          "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=MySQL");

  @Override
  DataSource dataSource() {
    return dataSource;
  }
}
