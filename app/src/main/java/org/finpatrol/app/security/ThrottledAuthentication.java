package org.finpatrol.app.security;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Password authentication behind a {@link LoginThrottle}: form logins and HTTP Basic alike. */
final class ThrottledAuthentication implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;

  ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication request) throws AuthenticationException {
    String user = request.getName();
    String address =
        request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
    if (!throttle.attempt(user, address)) {
      Duration wait = throttle.waitFor(user, address);
      throw new LockedException(
          "too many failed logins: try again in "
              + Math.max(1, (wait.toSeconds() + 59) / 60)
              + " minute(s)");
    }
    // The attempt already counts as failed; only a success takes it back.
    Authentication done = passwords.authenticate(request);
    throttle.succeeded(user, address);
    return done;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }
}
