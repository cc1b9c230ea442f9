package org.finpatrol.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.Classifiers;
import org.finpatrol.classifier.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code finpatrol} command: global options and the subcommands of DESIGN.md. */
@Command(
    name = "finpatrol",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "金融广告与网站巡查系统: patrols financial sites and ads, indexes them in Chinese,"
            + " flags illegal financial marketing and routes cases to the responsible units.",
    subcommands = {
      DemoCommand.class,
      PatrolCommand.class,
      WorkerCommand.class,
      SearchCommand.class,
      ClassifyCommand.class,
      EvaluateCommand.class,
      TrainCommand.class,
      AnalyzeCommand.class,
      CasesCommand.class,
      ReportCommand.class,
      ServeCommand.class,
      GcCommand.class
    })
public final class FinPatrolCommand {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      scope = ScopeType.INHERIT,
      description =
          "Data directory: database, index, WARC evidence, crawl frontier (default: ./data).")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description =
          "Configuration directory: rules, dictionaries, units, seeds (default: ./config).")
  Path config;

  private final Console console;

  public FinPatrolCommand(Console console) {
    this.console = console;
  }

  Console console() {
    return console;
  }

  /**
   * The classifier of the configuration: rule packs, licence registry and, when {@code
   * config/model} holds one, the statistical model. A file that does not validate is bad input
   * (exit 2), its message naming the file and line.
   */
  Classifier classifier() throws IOException {
    try {
      return Classifiers.load(paths());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  AppPaths paths() {
    return AppPaths.resolve(data, config, System.getenv("FINPATROL_HOME"));
  }
}
