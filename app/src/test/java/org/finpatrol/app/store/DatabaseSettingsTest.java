package org.finpatrol.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {

  @TempDir Path data;

  @Test
  void aMysqlUrlTakesRootWithAnEmptyPasswordUnlessTold() throws Exception {
    DatabaseSettings db =
        DatabaseSettings.from(
            Map.of(DatabaseSettings.URL_ENV, "jdbc:mysql://127.0.0.1:3306/finpatrol"), data);

    assertThat(db.url()).isEqualTo("jdbc:mysql://127.0.0.1:3306/finpatrol");
    assertThat(db.user()).isEqualTo("root");
    assertThat(db.password()).isEmpty();
    assertThat(db.isEmbedded()).isFalse();
    assertThat(data.resolve("db")).doesNotExist();
  }

  @Test
  void aUrlNoBundledDriverServesIsRefusedByName() {
    // No MariaDB driver is bundled: Connector/J serves MariaDB through jdbc:mysql: URLs.
    for (String url : new String[] {"jdbc:mariadb://127.0.0.1/finpatrol", "postgres://x/y"}) {
      assertThatThrownBy(() -> DatabaseSettings.from(Map.of(DatabaseSettings.URL_ENV, url), data))
          .isInstanceOf(DatabaseSettings.InvalidUrlException.class)
          .hasMessageContaining("FINPATROL_DB_URL")
          .hasMessageContaining("jdbc:mysql:")
          .hasMessageContaining("'" + url + "'");
    }
  }

  @Test
  void withoutAUrlTheEmbeddedDatabaseKeepsItsGeneratedPassword() throws Exception {
    DatabaseSettings first = DatabaseSettings.from(Map.of(), data);
    DatabaseSettings again = DatabaseSettings.from(Map.of(), data);

    assertThat(first.isEmbedded()).isTrue();
    assertThat(first.url()).startsWith("jdbc:h2:file:" + data.toAbsolutePath().resolve("db"));
    assertThat(first.password()).hasSize(36).isEqualTo(again.password());
    assertThat(Files.readString(data.resolve("db/.password")).strip()).isEqualTo(first.password());
  }
}
