package org.finpatrol.app.cli;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.retention.GarbageCollector;
import org.finpatrol.app.retention.Retention;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code finpatrol gc}: compacts crawl data older than {@code config/retention.yml} allows. */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    description =
        "Removes old pages that have a newer fetch, and evidence files nothing cites any more;"
            + " never evidence a case still cites.")
final class GcCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(names = "--dry-run", description = "Say what would go, remove nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    AppPaths paths = root.paths();
    try (ConfigurableApplicationContext context =
        FinPatrolApplication.start(paths, false, 0, Map.of())) {
      Retention retention = context.getBean(Retention.class);
      DataSource dataSource = context.getBean(DataSource.class);
      GarbageCollector.Result r =
          new GarbageCollector(
                  dataSource,
                  new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                  paths.evidence(),
                  context.getBean(Clock.class))
              .collect(retention, dryRun);
      root.console()
          .out()
          .println(
              (dryRun ? "would remove " : "removed ")
                  + r.pagesDeleted()
                  + " page(s) older than "
                  + retention.pages().toDays()
                  + " days with a newer fetch, "
                  + r.filesDeleted()
                  + " evidence file(s) ("
                  + r.bytesFreed() / 1024
                  + " KiB); kept "
                  + r.filesKeptForCases()
                  + " evidence file(s) that cases cite");
      return 0;
    }
  }
}
