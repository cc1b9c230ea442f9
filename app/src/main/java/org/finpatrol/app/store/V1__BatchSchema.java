package org.finpatrol.app.store;

import java.sql.Connection;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Flyway migration V1 of the patrol schema: Spring Batch's job repository tables, from the DDL
 * script Spring Batch ships for the database in use (so the job repository lives in the same
 * database as the cases, and under the same migration history).
 */
@SuppressWarnings("checkstyle:TypeName") // Flyway reads the version from the class name.
public final class V1__BatchSchema extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String script =
        product.contains("h2") ? "h2" : product.contains("mariadb") ? "mariadb" : "mysql";
    ScriptUtils.executeSqlScript(
        connection,
        new ClassPathResource("org/springframework/batch/core/schema-" + script + ".sql"));
  }
}
