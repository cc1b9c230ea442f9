package org.finpatrol.app;

import java.nio.file.Path;
import org.springframework.context.ConfigurableApplicationContext;

/** The application as {@code finpatrol serve} runs it, for tests that talk to it over HTTP. */
public final class TestServer {

  private TestServer() {}

  /**
   * Starts the application with its web server on a free port of 127.0.0.1, the shipped {@code
   * config/}, the data directory {@code data} and the test logins ({@link TestLogins}).
   */
  public static ConfigurableApplicationContext start(Path data) throws java.io.IOException {
    return FinPatrolApplication.start(
        new AppPaths(data, Path.of("../config").toAbsolutePath()), true, 0, TestLogins.PROPERTIES);
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public static String url(ConfigurableApplicationContext server) {
    return "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
  }
}
