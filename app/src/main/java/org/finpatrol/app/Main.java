package org.finpatrol.app;

import org.finpatrol.app.cli.Cli;

/** The {@code finpatrol} entry point: runs the command line and exits with its code. */
public final class Main {

  private Main() {}

  @SuppressForbidden(reason = "the one place that turns the command's result into the exit code")
  public static void main(String[] args) {
    System.exit(Cli.run(args));
  }
}
