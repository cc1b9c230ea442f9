package org.finpatrol.app.security;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The user store, in every application context (the pages that manage users are there even when no
 * server runs); the login machinery itself is {@link SecurityConfiguration}, web only.
 */
@Configuration
public class UserConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  UserStore userStore(
      DataSource dataSource,
      PasswordEncoder encoder,
      Clock clock,
      // The user table comes with the migrations.
      FlywayMigrationInitializer migrations) {
    return new UserStore(dataSource, encoder, clock);
  }
}
