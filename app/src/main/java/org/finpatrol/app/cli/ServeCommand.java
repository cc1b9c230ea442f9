package org.finpatrol.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.patrol.PatrolRunner;
import org.finpatrol.app.schedule.ScheduledPatrols;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code finpatrol serve}: the web UI and REST API until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serves the web UI and REST API.")
final class ServeCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "Port (default: 8080).")
  int port;

  @Option(
      names = "--address",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for all).")
  String address;

  @Option(
      names = "--allow-private-network",
      description =
          "Let patrols started by this server (UI, API, schedules) reach loopback and private"
              + " addresses (refused by default).")
  boolean allowPrivateNetwork;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0-65535, got " + port);
    }
    try {
      java.net.InetAddress.getByName(address);
    } catch (java.net.UnknownHostException e) {
      throw new UsageException("--address '" + address + "' is not an address of this machine");
    }
    try (ConfigurableApplicationContext context =
        FinPatrolApplication.start(root.paths(), true, port, Map.of("server.address", address))) {
      int actual = ((WebServerApplicationContext) context).getWebServer().getPort();
      root.console()
          .out()
          .println("FinPatrol on http://" + address + ":" + actual + "/  (Ctrl-C to stop)");
      Logins.printAdmin(context, root.console().out());
      context.getBean(PatrolRunner.class).allowPrivateNetwork(allowPrivateNetwork);
      ScheduledPatrols schedules = context.getBean(ScheduledPatrols.class);
      schedules.start(
          context.getEnvironment().getProperty("finpatrol.scheduler.tick-ms", Long.class, 30_000L));
      schedules
          .status()
          .forEach(
              s ->
                  root.console()
                      .out()
                      .println(
                          "schedule "
                              + s.schedule().group()
                              + " ("
                              + s.schedule().cron()
                              + "): next run "
                              + s.nextRun()));
      new CountDownLatch(1).await();
      return 0;
    }
  }
}
