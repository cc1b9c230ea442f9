package org.finpatrol.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.cluster.Broker;
import org.finpatrol.app.cluster.WorkerApplication;
import org.finpatrol.app.store.DatabaseSettings;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code finpatrol worker}: runs the partitions of spread patrols until interrupted. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description =
        "Takes partitions of patrols started with `patrol --partitions N` from the broker"
            + " (FINPATROL_BROKER_URL) and crawls, indexes and classifies them, one at a time,"
            + " against the shared database (FINPATROL_DB_URL) and data directory (--data).")
final class WorkerCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Override
  public Integer call() throws Exception {
    AppPaths paths = root.paths();
    DatabaseSettings db = DatabaseSettings.from(System.getenv(), paths.data());
    if (db.isEmbedded()) {
      throw new UsageException(
          "a worker needs the database its manager uses: set FINPATROL_DB_URL (MySQL); the"
              + " embedded H2 database belongs to one process");
    }
    String broker = Broker.url(System.getenv());
    try (ConfigurableApplicationContext context =
        WorkerApplication.start(paths, Map.of(), root.console()::progress)) {
      root.console()
          .out()
          .println(
              "finpatrol worker: taking partitions from "
                  + Broker.shown(broker)
                  + " (queue "
                  + context.getEnvironment().getProperty("finpatrol.partition-queue", Broker.QUEUE)
                  + "), database "
                  + db.url()
                  + ", data "
                  + paths.data()
                  + "  (Ctrl-C to stop)");
      root.console().out().flush();
      new CountDownLatch(1).await();
      return 0;
    }
  }
}
