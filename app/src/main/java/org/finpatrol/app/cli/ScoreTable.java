package org.finpatrol.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.finpatrol.classifier.Evaluation;

/** Prints an evaluation report: precision, recall, F1 and counts a line, then messenger errors. */
final class ScoreTable {

  private ScoreTable() {}

  static void print(String title, Evaluation.Report report, PrintStream out) {
    out.println(title);
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
  }
}
