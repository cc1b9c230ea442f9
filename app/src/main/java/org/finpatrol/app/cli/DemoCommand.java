package org.finpatrol.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.demo.DemoSites;
import org.finpatrol.app.patrol.PatrolReport;
import org.finpatrol.app.patrol.PatrolRequest;
import org.finpatrol.app.patrol.PatrolRunner;
import org.finpatrol.app.patrol.PatrolService;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code finpatrol demo}: serves the bundled demo sites on loopback, patrols them, prints the
 * summary, then serves the web UI until interrupted.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Patrols the bundled demo sites, prints the summary, then serves the web UI.")
final class DemoCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Web UI port (default: 8080).")
  int port;

  @Option(names = "--no-serve", description = "Exit after the patrol instead of serving the UI.")
  boolean noServe;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0-65535, got " + port);
    }
    AppPaths paths = root.paths();
    Console console = root.console();
    try (DemoSites sites = DemoSites.start()) {
      console.progress(
          "demo sites on http://127.0.0.1:"
              + sites.port()
              + "/ ("
              + String.join(", ", DemoSites.HOSTS)
              + ")");
      ConfigurableApplicationContext context =
          FinPatrolApplication.start(
              paths, !noServe, port, Map.of("finpatrol.demo-licences", "true"));
      try {
        PatrolRequest request =
            new PatrolRequest(sites.seeds(), 200, 2, 0, true, sites.hostOverrides());
        PatrolReport report = context.getBean(PatrolService.class).run(request, console::progress);
        ReportPrinter.print(report, console.out());
        if (!report.completed()) {
          return 1;
        }
        if (noServe) {
          return 0;
        }
        int actual = ((WebServerApplicationContext) context).getWebServer().getPort();
        console.out().println();
        console.out().println("Web UI: http://127.0.0.1:" + actual + "/");
        Logins.printAdmin(context, console.out());
        Logins.createDemoUsers(context, console.out());
        context.getBean(PatrolRunner.class).useDefaults(request);
        console.out().println("Try:    ./finpatrol search 保本保息 --json    ./finpatrol cases --json");
        console.out().println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
        return 0;
      } finally {
        context.close();
      }
    }
  }
}
