package org.finpatrol.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code finpatrol evaluate}: scores the configured rule packs on labelled JSON lines (the format
 * of {@code config/training/dev.jsonl}) and prints precision, recall and F1 per label and per
 * signal, the pooled signal score and the false-positive rate on news and notices. An analyst runs
 * it after editing a rule pack to see what the edit gained and cost. When a statistical model is
 * configured, a second table scores rules and model under k-fold cross-validation on the same
 * examples: the model is retrained for each fold without it, never scored on what it learned. A
 * line that is not a labelled example is named on stderr and skipped; the exit code is then 2
 * although the rest was scored.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Scores the rule packs (and, cross-validated, the model) on labelled JSONL (id, kind,"
            + " text, guaranteed_return, financial_solicitation, signals).")
final class EvaluateCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(
      names = "--mistakes",
      description = "Also list each wrong decision with the page type and findings behind it.")
  boolean mistakes;

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "10",
      description = "Folds for cross-validating the model (default: ${DEFAULT-VALUE}).")
  int folds;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Labelled JSONL files (default: stdin).")
  List<Path> files = new ArrayList<>();

  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    PrintStream out = root.console().out();
    LabelledInput input = LabelledInput.read("evaluate", files, stdin, root.console().err());
    List<Evaluation.Example> examples = input.examples;
    if (folds < 2) {
      throw new UsageException("--folds must be at least 2, got " + folds);
    }
    Classifier classifier = root.classifier();
    out.println(examples.size() + " examples");
    Evaluation.Report rules = Evaluation.run(classifier.withModel(null), examples);
    ScoreTable.print("rules", rules, out);
    Evaluation.Report shown = rules;
    if (classifier.hasModel()) {
      out.println();
      try {
        Evaluation.Report both =
            Evaluation.crossValidate(
                classifier.withModel(null), examples, folds, classifier.modelThreshold());
        ScoreTable.print(
            "rules + model ("
                + folds
                + "-fold cross-validation: each fold scored by a model trained on the others)",
            both,
            out);
        shown = both;
      } catch (IllegalArgumentException e) {
        // Too few examples, or a fold without positives: the rules' table still stands.
        out.println("rules + model: not scored (" + e.getMessage() + ")");
      }
    }
    if (mistakes) {
      out.println();
      out.println("mistakes:");
      shown.mistakes().forEach(out::println);
    }
    return input.badLines == 0 ? 0 : 2;
  }
}
