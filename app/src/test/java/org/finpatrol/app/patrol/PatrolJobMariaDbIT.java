package org.finpatrol.app.patrol;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The patrol job on MySQL Connector/J against the MariaDB server on 127.0.0.1:3306 (root, empty
 * password; override with FINPATROL_IT_DB_URL/_USER/_PASSWORD): Flyway migrations, Spring Batch's
 * job repository and the cases all in one database of the test's own, dropped afterwards.
 */
class PatrolJobMariaDbIT extends PatrolJobIT {

  private static final String SERVER =
      System.getenv().getOrDefault("FINPATROL_IT_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
  private static final String USER = System.getenv().getOrDefault("FINPATROL_IT_DB_USER", "root");
  private static final String PASSWORD =
      System.getenv().getOrDefault("FINPATROL_IT_DB_PASSWORD", "");
  private static final String PREFIX =
      "finpatrol_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private static int databases;
  private String database;

  @BeforeAll
  static void server() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD)) {
      c.isValid(5);
    }
  }

  @Override
  Map<String, Object> databaseProperties() {
    database = PREFIX + "_" + (++databases);
    execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    return Map.of(
        "spring.datasource.url",
        SERVER + database,
        "spring.datasource.username",
        USER,
        "spring.datasource.password",
        PASSWORD);
  }

  @AfterAll
  static void dropDatabases() {
    for (int i = 1; i <= databases; i++) {
      execute("DROP DATABASE IF EXISTS " + PREFIX + "_" + i);
    }
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
