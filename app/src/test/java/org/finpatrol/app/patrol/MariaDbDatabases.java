package org.finpatrol.app.patrol;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Databases of a test class's own on the MariaDB server on 127.0.0.1:3306 (root, empty password;
 * override with FINPATROL_IT_DB_URL/_USER/_PASSWORD), each created empty and all dropped by {@link
 * #dropAll}. An unreachable server fails the test: it is never skipped.
 */
final class MariaDbDatabases {

  static final String SERVER =
      System.getenv().getOrDefault("FINPATROL_IT_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
  static final String USER = System.getenv().getOrDefault("FINPATROL_IT_DB_USER", "root");
  static final String PASSWORD = System.getenv().getOrDefault("FINPATROL_IT_DB_PASSWORD", "");

  private final String prefix;
  private int created;

  MariaDbDatabases(String name) {
    prefix = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  /** The name of a new, empty database. */
  synchronized String create() {
    String database = prefix + "_" + (++created);
    execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    return database;
  }

  /** A new, empty database, as a data source. */
  DataSource createDataSource() {
    return new DriverManagerDataSource(SERVER + create(), USER, PASSWORD);
  }

  synchronized void dropAll() {
    for (int i = 1; i <= created; i++) {
      execute("DROP DATABASE IF EXISTS " + prefix + "_" + i);
    }
  }

  static void checkServer() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD)) {
      c.isValid(5);
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
