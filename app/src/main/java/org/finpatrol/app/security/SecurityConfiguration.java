package org.finpatrol.app.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Pages use form login (sessions, CSRF tokens on every form, a new session id
 * after login); the API also takes HTTP Basic, which needs no CSRF token because browsers never
 * send it on their own (the API sends no challenge). Roles: ADMIN everything; ANALYST search and
 * dashboard; REVIEWER_unit the cases of that unit (checked per case by {@link Viewer}); patrols for
 * admins and the communications administration. The tip form is public. Only in the web server:
 * commands without one have no users to check.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

  @Bean
  AdminAccount adminAccount(UserStore users, Environment env) {
    String given =
        env.getProperty("finpatrol.admin-password", System.getenv(AdminAccount.PASSWORD_VARIABLE));
    return new AdminAccount(users, given);
  }

  @Bean
  LoginThrottle loginThrottle(Clock clock) {
    return new LoginThrottle(clock);
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, UserStore users, PasswordEncoder encoder, LoginThrottle throttle)
      throws Exception {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(encoder);
    RequestMatcher apiPaths = pathPattern("/api/**");
    RequestMatcher actuatorPaths = pathPattern("/actuator/**");
    RequestMatcher api = request -> apiPaths.matches(request) || actuatorPaths.matches(request);
    // With one mapping each, Spring Security would use the API's answers for pages too: choose
    // here.
    LoginUrlAuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
    AccessDeniedHandlerImpl toErrorPage = new AccessDeniedHandlerImpl();
    // Browsers never send Basic credentials on their own (no challenge is ever sent), so an API
    // request that carries them is not a forged one.
    RequestMatcher withCredentials =
        request -> {
          String auth = request.getHeader("Authorization");
          return apiPaths.matches(request)
              && auth != null
              && auth.regionMatches(true, 0, "Basic ", 0, 6);
        };
    http.authenticationProvider(new ThrottledAuthentication(passwords, throttle))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/login",
                        "/tips",
                        "/finpatrol.css",
                        "/js/**",
                        "/error",
                        "/favicon.ico",
                        "/actuator/health")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/tips")
                    .permitAll()
                    .requestMatchers("/admin/**", "/api/licences/**", "/actuator/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/patrols/**", "/api/patrols/**")
                    .hasAnyRole("ADMIN", "REVIEWER_comms")
                    .requestMatchers("/cases/**", "/api/cases/**", "/reports/**", "/api/reports/**")
                    .hasAnyRole("ADMIN", "REVIEWER")
                    .anyRequest()
                    .authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .httpBasic(b -> b.authenticationEntryPoint(JsonErrors.unauthenticated()))
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, failure) -> {
                          if (api.matches(request)) {
                            JsonErrors.unauthenticated().commence(request, response, failure);
                          } else {
                            toLogin.commence(request, response, failure);
                          }
                        })
                    .accessDeniedHandler(
                        (request, response, denied) -> {
                          if (api.matches(request)) {
                            JsonErrors.denied().handle(request, response, denied);
                          } else {
                            toErrorPage.handle(request, response, denied);
                          }
                        }))
        .csrf(
            c ->
                c.ignoringRequestMatchers(withCredentials)
                    .ignoringRequestMatchers(pathPattern(HttpMethod.POST, "/api/tips")))
        .headers(
            h ->
                h.frameOptions(f -> f.disable())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .addHeaderWriter(new PageHeaders()));
    return http.build();
  }
}
