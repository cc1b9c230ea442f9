package org.finpatrol.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.finpatrol.app.store.DatabaseSettings;
import org.finpatrol.app.store.ReviewerDecisions;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.Evaluation;
import org.finpatrol.classifier.model.Sample;
import org.finpatrol.classifier.model.TextModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code finpatrol train}: retrains the statistical model from labelled JSONL (by default every
 * {@code *.jsonl} in {@code config/training}: the development corpus, and reviewers' decisions once
 * they are exported there), reports its k-fold cross-validated effect beside the rules alone, and
 * writes it to {@code config/model}, where every later run picks it up.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Retrains the statistical model from labelled JSONL (default: config/training/*.jsonl)"
            + " and writes it to config/model.")
final class TrainCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Where to write the model (default: config/model).")
  Path output;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      defaultValue = "0.8",
      description =
          "Probability at or over which the model adds a label (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "10",
      description = "Folds for the cross-validated report (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--no-decisions",
      description =
          "Leave out reviewers' decisions (confirmed and dismissed cases) in the database.")
  boolean noDecisions;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Labelled JSONL files (default: config/training/*.jsonl; - for stdin).")
  List<Path> files = new ArrayList<>();

  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    if (threshold <= 0 || threshold > 1) {
      throw new UsageException("--threshold must be in (0, 1], got " + threshold);
    }
    var paths = root.paths();
    List<Path> inputs = files.isEmpty() ? defaultTraining(paths.training()) : files;
    if (inputs.size() == 1 && inputs.get(0).toString().equals("-")) {
      inputs = List.of();
    }
    PrintStream out = root.console().out();
    LabelledInput input = LabelledInput.read("train", inputs, stdin, root.console().err());
    List<Evaluation.Example> examples = input.examples;
    if (folds < 2) {
      throw new UsageException("--folds must be at least 2, got " + folds);
    }
    long gr = examples.stream().filter(Evaluation.Example::guaranteedReturn).count();
    long fs = examples.stream().filter(Evaluation.Example::financialSolicitation).count();
    out.printf(
        Locale.ROOT,
        "%d examples (%d guaranteed_return, %d financial_solicitation)%n",
        examples.size(),
        gr,
        fs);
    List<Sample> samples = new ArrayList<>(examples.stream().map(Evaluation::sample).toList());
    if (!noDecisions) {
      ReviewerDecisions.Loaded decisions = decisions(paths);
      if (decisions != null) {
        samples.addAll(decisions.samples());
        out.printf(
            Locale.ROOT,
            "%d page(s) from reviewers' decisions (%d confirmed, %d dismissed) join the training;"
                + " the cross-validation below scores the labelled files only%n",
            decisions.samples().size(),
            decisions.confirmed(),
            decisions.dismissed());
      }
    }
    Classifier rules = root.classifier().withModel(null);
    long start = System.nanoTime();
    TextModel model;
    try {
      model = TextModel.train(samples, threshold);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    ScoreTable.print("rules", Evaluation.run(rules, examples), out);
    out.println();
    try {
      ScoreTable.print(
          "rules + model (" + folds + "-fold cross-validation)",
          Evaluation.crossValidate(rules, examples, folds, threshold),
          out);
    } catch (IllegalArgumentException e) {
      // Too few examples for the folds: the model is still trained on all of them.
      out.println("rules + model: not cross-validated (" + e.getMessage() + ")");
    }
    Path target = output != null ? output : paths.model();
    model.save(target);
    out.printf(
        Locale.ROOT,
        "%nmodel trained in %.1f s on %d examples, threshold %.2f, written to %s%n",
        seconds,
        samples.size(),
        threshold,
        target);
    return input.badLines == 0 ? 0 : 2;
  }

  /**
   * Reviewers' decisions from the configured database; null when there is none yet (a fresh
   * embedded database is not created just to find it empty).
   */
  private static ReviewerDecisions.Loaded decisions(org.finpatrol.app.AppPaths paths)
      throws IOException {
    if (System.getenv(DatabaseSettings.URL_ENV) == null
        && !Files.exists(paths.data().resolve("db").resolve("finpatrol.mv.db"))) {
      return null;
    }
    DatabaseSettings db = DatabaseSettings.from(System.getenv(), paths.data());
    var dataSource =
        new org.springframework.jdbc.datasource.DriverManagerDataSource(
            db.url(), db.user(), db.password());
    try {
      return new ReviewerDecisions(dataSource).load();
    } catch (org.springframework.dao.DataAccessException e) {
      // A database without the review or patrol tables has no decisions to learn from.
      return null;
    }
  }

  private static List<Path> defaultTraining(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("no training files given and no directory " + dir);
    }
    try (Stream<Path> listing = Files.list(dir)) {
      List<Path> found =
          listing.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
      if (found.isEmpty()) {
        throw new UsageException("no training files given and no *.jsonl in " + dir);
      }
      return found;
    }
  }
}
