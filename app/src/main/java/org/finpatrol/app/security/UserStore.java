package org.finpatrol.app.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of the web UI and API, in table {@code app_user}: BCrypt password hashes and {@link
 * Roles}. Thread-safe.
 */
public final class UserStore implements UserDetailsService {

  /** A user as listed to admins (never the hash). */
  public record Account(String username, Roles roles, boolean enabled) {}

  static final int MIN_PASSWORD = 10;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private final JdbcClient jdbc;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public UserStore(DataSource dataSource, PasswordEncoder encoder, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.encoder = encoder;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return jdbc.sql(
            "SELECT username, password_hash, roles, enabled FROM app_user WHERE username = ?")
        .param(name)
        .query(
            (rs, i) ->
                User.withUsername(rs.getString(1))
                    .password(rs.getString(2))
                    .authorities(Roles.parse(rs.getString(3)).authorities())
                    .disabled(!rs.getBoolean(4))
                    .build())
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("no user " + name));
  }

  public boolean exists(String username) {
    return find(username).isPresent();
  }

  public Optional<Account> find(String username) {
    return jdbc.sql("SELECT username, roles, enabled FROM app_user WHERE username = ?")
        .param(username.strip().toLowerCase(Locale.ROOT))
        .query(
            (rs, i) -> new Account(rs.getString(1), Roles.parse(rs.getString(2)), rs.getBoolean(3)))
        .optional();
  }

  public List<Account> list() {
    return jdbc.sql("SELECT username, roles, enabled FROM app_user ORDER BY username")
        .query(
            (rs, i) -> new Account(rs.getString(1), Roles.parse(rs.getString(2)), rs.getBoolean(3)))
        .list();
  }

  /**
   * Creates a user or, if the name exists, sets their password and roles.
   *
   * @throws IllegalArgumentException naming what is wrong with the name, password or roles
   */
  public void save(String username, String password, Roles roles) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "user name '" + username + "' must be 2-64 of a-z, 0-9, '.', '_', '-'");
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new IllegalArgumentException(
          "the password of '" + name + "' must have at least " + MIN_PASSWORD + " characters");
    }
    if (!roles.admin() && !roles.analyst() && !roles.reviewer()) {
      throw new IllegalArgumentException("give '" + name + "' at least one role");
    }
    String hash = encoder.encode(password);
    int updated =
        jdbc.sql(
                "UPDATE app_user SET password_hash = ?, roles = ?, enabled = TRUE WHERE username = ?")
            .params(hash, roles.stored(), name)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO app_user (username, password_hash, roles, enabled, created_at)"
                  + " VALUES (?, ?, ?, TRUE, ?)")
          .params(name, hash, roles.stored(), Timestamp.from(clock.instant()))
          .update();
    }
  }

  /** A random password of 16 characters from an alphabet without look-alikes (0/O, 1/l). */
  public String generatePassword() {
    StringBuilder out = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
