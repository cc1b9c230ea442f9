package org.finpatrol.app.patrol;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link VerdictsTest} on MySQL Connector/J against the MariaDB server (see {@link
 * MariaDbDatabases}): the migration drops the page table's verdict columns, so it must have copied
 * them first there too. Each test gets a database of its own.
 */
class VerdictsMariaDbIT extends VerdictsTest {

  private static final MariaDbDatabases DATABASES = new MariaDbDatabases("finpatrol_verdicts");

  @Override
  DataSource emptyDatabase() {
    return DATABASES.createDataSource();
  }

  @AfterAll
  static void dropDatabases() {
    DATABASES.dropAll();
  }
}
