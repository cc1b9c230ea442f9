package org.finpatrol.app.patrol;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The patrol job on MySQL Connector/J against the MariaDB server on 127.0.0.1:3306 (root, empty
 * password; override with FINPATROL_IT_DB_URL/_USER/_PASSWORD): Flyway migrations, Spring Batch's
 * job repository and the cases all in one database of the test's own, dropped afterwards.
 */
class PatrolJobMariaDbIT extends PatrolJobIT {

  private static final MariaDbDatabases DATABASES = new MariaDbDatabases("finpatrol_it");

  @BeforeAll
  static void server() throws SQLException {
    MariaDbDatabases.checkServer();
  }

  @Override
  Map<String, Object> databaseProperties() {
    return Map.of(
        "spring.datasource.url",
        MariaDbDatabases.SERVER + DATABASES.create(),
        "spring.datasource.username",
        MariaDbDatabases.USER,
        "spring.datasource.password",
        MariaDbDatabases.PASSWORD);
  }

  @AfterAll
  static void dropDatabases() {
    DATABASES.dropAll();
  }
}
