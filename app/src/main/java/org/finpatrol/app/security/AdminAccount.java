package org.finpatrol.app.security;

import java.util.Optional;

/**
 * The {@code admin} user, made on the first start: with the password in {@code
 * FINPATROL_ADMIN_PASSWORD} when it is set, else with a generated one, which the command that
 * started the server prints once (it is not logged). An existing admin is left as it is.
 */
public final class AdminAccount {

  public static final String NAME = "admin";
  public static final String PASSWORD_VARIABLE = "FINPATROL_ADMIN_PASSWORD";

  private final String generated;
  private final boolean created;

  AdminAccount(UserStore users, String given) {
    if (users.exists(NAME)) {
      this.created = false;
      this.generated = null;
      return;
    }
    boolean hasGiven = given != null && !given.isEmpty();
    if (hasGiven && given.length() < UserStore.MIN_PASSWORD) {
      throw new IllegalArgumentException(
          PASSWORD_VARIABLE + " must have at least " + UserStore.MIN_PASSWORD + " characters");
    }
    String password = hasGiven ? given : users.generatePassword();
    users.save(NAME, password, Roles.parse("ADMIN"));
    this.created = true;
    this.generated = hasGiven ? null : password;
  }

  /** Whether this start made the admin user. */
  public boolean created() {
    return created;
  }

  /** The generated password, when this start made the admin without a given one. */
  public Optional<String> generatedPassword() {
    return Optional.ofNullable(generated);
  }
}
