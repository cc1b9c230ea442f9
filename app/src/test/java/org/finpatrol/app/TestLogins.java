package org.finpatrol.app;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Logins for tests that start the web server: the admin's password and HTTP Basic requests. */
public final class TestLogins {

  public static final String ADMIN_PASSWORD = "测试-admin-password";

  /** Start-up properties that make {@code admin} with {@link #ADMIN_PASSWORD}. */
  public static final Map<String, Object> PROPERTIES =
      Map.of("finpatrol.admin-password", ADMIN_PASSWORD);

  private TestLogins() {}

  /** A request to {@code uri} as admin. */
  public static HttpRequest.Builder admin(URI uri) {
    return as(uri, "admin", ADMIN_PASSWORD);
  }

  /** A request to {@code uri} as {@code user}. */
  public static HttpRequest.Builder as(URI uri, String user, String password) {
    return HttpRequest.newBuilder(uri).header("Authorization", basic(user, password));
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
