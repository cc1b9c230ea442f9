package org.finpatrol.app.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the database is: MySQL (or MariaDB) when {@code FINPATROL_DB_URL} is set, with {@code
 * FINPATROL_DB_USER} and {@code FINPATROL_DB_PASSWORD}; otherwise an embedded H2 file under {@code
 * <data>/db}.
 *
 * <p>The H2 database runs in MySQL mode (the same SQL as production) and in H2's automatic mixed
 * mode, so a running {@code finpatrol serve} and a {@code finpatrol cases} in another terminal can
 * share it; its TCP port binds to loopback only and the password is random, kept in {@code
 * <data>/db/.password} (owner-readable only).
 */
public record DatabaseSettings(String url, String user, String password) {

  public static final String URL_ENV = "FINPATROL_DB_URL";

  /** {@value #URL_ENV} names a database no bundled driver serves; the message says which. */
  public static final class InvalidUrlException extends IllegalArgumentException {
    InvalidUrlException(String message) {
      super(message);
    }
  }

  static {
    // H2's automatic mixed mode opens a TCP server; keep it off the network.
    System.setProperty("h2.bindAddress", "127.0.0.1");
  }

  public static DatabaseSettings from(Map<String, String> env, Path dataDir) throws IOException {
    String url = env.get(URL_ENV);
    if (url != null && !url.isBlank()) {
      // Only MySQL Connector/J and H2 are bundled: a jdbc:mariadb: URL would find no driver.
      if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:h2:")) {
        throw new InvalidUrlException(
            URL_ENV
                + " must be a jdbc:mysql: URL (for MariaDB too, e.g."
                + " jdbc:mysql://127.0.0.1:3306/finpatrol) or a jdbc:h2: URL, got '"
                + url
                + "'");
      }
      return new DatabaseSettings(
          url,
          env.getOrDefault("FINPATROL_DB_USER", "root"),
          env.getOrDefault("FINPATROL_DB_PASSWORD", ""));
    }
    Path dir = dataDir.toAbsolutePath().resolve("db");
    Files.createDirectories(dir);
    return new DatabaseSettings(
        "jdbc:h2:file:" + dir.resolve("finpatrol") + ";MODE=MySQL;AUTO_SERVER=TRUE",
        "finpatrol",
        password(dir.resolve(".password")));
  }

  private static String password(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = HexFormat.of().formatHex(random);
    Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the data directory's own permissions apply.
    }
    return password;
  }

  public boolean isEmbedded() {
    return url.startsWith("jdbc:h2:");
  }
}
