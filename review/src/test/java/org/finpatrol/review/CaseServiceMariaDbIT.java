package org.finpatrol.review;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The case contract on a real MariaDB server through MySQL Connector/J. The server is the one
 * `.ci/run` makes sure answers on 127.0.0.1:3306 (root, empty password; override with
 * FINPATROL_IT_DB_URL/_USER/_PASSWORD). The test creates and drops a database of its own; it fails,
 * rather than skips, when no server answers.
 */
class CaseServiceMariaDbIT extends CaseServiceContract {

  private static final String SERVER =
      System.getenv().getOrDefault("FINPATROL_IT_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
  private static final String USER = System.getenv().getOrDefault("FINPATROL_IT_DB_USER", "root");
  private static final String PASSWORD =
      System.getenv().getOrDefault("FINPATROL_IT_DB_PASSWORD", "");
  private static final String DATABASE =
      "finpatrol_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @BeforeAll
  static void createDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
  }

  @Override
  DataSource dataSource() {
    try {
      return new SimpleDriverDataSource(
          new com.mysql.cj.jdbc.Driver(), SERVER + DATABASE, USER, PASSWORD);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
