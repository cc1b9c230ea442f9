package org.finpatrol.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code finpatrol evaluate}: scores the configured rule packs on labelled JSON lines (the format
 * of {@code corpus/dev.jsonl}) and prints precision, recall and F1 per label and per signal, the
 * pooled signal score and the false-positive rate on news and notices. An analyst runs it after
 * editing a rule pack to see what the edit gained and cost. A line that is not a labelled example
 * is named on stderr and skipped; the exit code is then 2 although the rest was scored.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Scores the rule packs on labelled JSONL (id, kind, text, guaranteed_return,"
            + " financial_solicitation, signals): precision, recall, F1 per label and signal.")
final class EvaluateCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(
      names = "--mistakes",
      description = "Also list each wrong decision with the page type and findings behind it.")
  boolean mistakes;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Labelled JSONL files (default: stdin).")
  List<Path> files = new ArrayList<>();

  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    List<Evaluation.Example> examples = new ArrayList<>();
    int bad = 0;
    for (Texts.Input input : Texts.read(files, stdin)) {
      List<String> skipped = new ArrayList<>();
      examples.addAll(
          Evaluation.read(
              input.text(),
              (line, reason) ->
                  skipped.add(
                      "finpatrol evaluate: "
                          + input.name()
                          + ":"
                          + line
                          + ": "
                          + reason
                          + " (line skipped)")));
      skipped.forEach(root.console().err()::println);
      bad += skipped.size();
    }
    if (examples.isEmpty()) {
      throw new UsageException("no labelled examples to score");
    }
    Classifier classifier = root.classifier();
    Evaluation.Report report = Evaluation.run(classifier, examples);
    print(report, examples.size(), root.console().out());
    return bad == 0 ? 0 : 2;
  }

  private void print(Evaluation.Report report, int examples, PrintStream out) {
    out.printf(Locale.ROOT, "%d examples%n", examples);
    out.printf(
        Locale.ROOT,
        "%-24s %9s %9s %9s %5s %5s %5s%n",
        "label",
        "precision",
        "recall",
        "F1",
        "tp",
        "fp",
        "fn");
    List<Evaluation.Score> rows = new ArrayList<>(report.scores().values());
    rows.add(report.signalsMicro());
    for (Evaluation.Score s : rows) {
      out.printf(
          Locale.ROOT,
          "%-24s %9.3f %9.3f %9.3f %5d %5d %5d%n",
          s.label(),
          s.precision(),
          s.recall(),
          s.f1(),
          s.truePositives(),
          s.falsePositives(),
          s.falseNegatives());
    }
    out.printf(
        Locale.ROOT,
        "news/notice false positives: %d of %d (%.1f%%)%n",
        report.messengersFlagged(),
        report.messengers(),
        100 * report.messengerFalsePositiveRate());
    if (mistakes) {
      out.println();
      out.println("mistakes:");
      report.mistakes().forEach(out::println);
    }
  }
}
