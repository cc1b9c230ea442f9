package org.finpatrol.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.finpatrol.indexer.IndexLockedException;
import org.springframework.beans.factory.BeanCreationException;
import picocli.CommandLine;

/**
 * Runs a {@code finpatrol} command line and returns the exit code: 0 done, 1 the run itself failed,
 * 2 bad input (one error line naming it, no stack trace).
 */
public final class Cli {

  private Cli() {}

  public static int run(String... args) {
    return run(Console.system(), args);
  }

  public static int run(Console console, String... args) {
    CommandLine cli = new CommandLine(new FinPatrolCommand(console));
    cli.setOut(new PrintWriter(console.out(), true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(console.err(), true, StandardCharsets.UTF_8));
    cli.setParameterExceptionHandler(
        (e, a) -> {
          String command = e.getCommandLine().getCommandName();
          console
              .err()
              .println(
                  "finpatrol: "
                      + e.getMessage()
                      + " (see 'finpatrol"
                      + (command.equals("finpatrol") ? "" : " " + command)
                      + " --help')");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          Throwable cause = rootCause(e);
          if (cause instanceof UsageException
              || cause instanceof org.finpatrol.app.store.DatabaseSettings.InvalidUrlException) {
            console
                .err()
                .println("finpatrol " + commandLine.getCommandName() + ": " + cause.getMessage());
            return 2;
          }
          if (cause instanceof org.finpatrol.app.ConfigCheck.InvalidConfigurationException bad) {
            console
                .err()
                .println(
                    "finpatrol "
                        + commandLine.getCommandName()
                        + ": the configuration has "
                        + bad.problems().size()
                        + " problem(s); nothing was started:");
            bad.problems().forEach(p -> console.err().println("  " + p));
            return 2;
          }
          if (cause instanceof IllegalArgumentException && e instanceof BeanCreationException) {
            // A configuration file that does not validate (rule pack, units, dictionary).
            console
                .err()
                .println("finpatrol " + commandLine.getCommandName() + ": " + cause.getMessage());
            return 2;
          }
          // Failures that explain themselves, found wherever Spring wrapped them; the outermost
          // one says what stopped and how to go on.
          for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.finpatrol.app.store.DatabaseUnavailableException
                || t instanceof IndexLockedException
                || t instanceof org.finpatrol.indexer.IndexDamagedException
                || t instanceof org.finpatrol.app.cluster.BrokerUnavailableException
                || t instanceof org.finpatrol.app.patrol.PartitionsStillRunningException) {
              console
                  .err()
                  .println("finpatrol " + commandLine.getCommandName() + ": " + t.getMessage());
              return 1;
            }
          }
          console.err().println("finpatrol " + commandLine.getCommandName() + ": failed: " + cause);
          return 1;
        });
    return cli.execute(args);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && !(t instanceof UsageException)) {
      t = t.getCause();
    }
    return t;
  }
}
