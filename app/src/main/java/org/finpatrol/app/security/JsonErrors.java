package org.finpatrol.app.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's refusals as the API's other errors look: {@code {"status": 401, "error": "…"}}. No
 * {@code WWW-Authenticate} challenge: a browser that got one would remember the credentials and
 * send them on cross-site requests too, which would get around the CSRF protection.
 */
final class JsonErrors {

  private JsonErrors() {}

  static AuthenticationEntryPoint unauthenticated() {
    return (request, response, e) ->
        write(response, 401, "log in first: HTTP Basic credentials or a session from /login");
  }

  static AccessDeniedHandler denied() {
    return (request, response, e) ->
        write(response, 403, "not allowed for your role (or the CSRF token is missing)");
  }

  private static void write(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response
        .getOutputStream()
        .write(
            ("{\"status\":" + status + ",\"error\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8));
  }
}
