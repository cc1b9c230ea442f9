package org.finpatrol.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a classifier on labelled texts: precision, recall and F1 for {@code guaranteed_return},
 * {@code financial_solicitation} and each signal, and the false-positive rate on news and notices
 * (texts that must never be flagged).
 */
public final class Evaluation {

  /** A labelled text, as in {@code corpus/dev.jsonl}. */
  public record Example(
      String id,
      String kind,
      String text,
      boolean guaranteedReturn,
      boolean financialSolicitation,
      Set<String> signals) {}

  /** Counts for one label. */
  public record Score(String label, int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      int predicted = truePositives + falsePositives;
      return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
      int actual = truePositives + falseNegatives;
      return actual == 0 ? 1.0 : (double) truePositives / actual;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** The scores, and the examples the classifier got wrong (id and what went wrong). */
  public record Report(
      Map<String, Score> scores, double messengerFalsePositiveRate, List<String> mistakes) {}

  private Evaluation() {}

  public static Report run(Classifier classifier, List<Example> examples) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    List<String> mistakes = new ArrayList<>();
    int messengers = 0;
    int messengerFlagged = 0;
    for (Example ex : examples) {
      Classification c = classifier.classify(ex.id(), ex.text());
      int before = mistakes.size();
      count(counts, "guaranteed_return", c.guaranteedReturn(), ex.guaranteedReturn(), ex, mistakes);
      count(
          counts,
          "financial_solicitation",
          c.financialSolicitation(),
          ex.financialSolicitation(),
          ex,
          mistakes);
      for (String signal : Labels.SIGNALS) {
        boolean actual = ex.signals().contains(signal);
        boolean predicted = c.signals().contains(signal);
        if (actual || predicted) {
          count(counts, signal, predicted, actual, ex, mistakes);
        }
      }
      if (mistakes.size() > before) {
        StringBuilder why = new StringBuilder("    (" + c.pageType() + ")");
        c.findings().forEach(f -> why.append(' ').append(f.rule()).append('=').append(f.text()));
        mistakes.add(why.toString());
      }
      if (ex.kind().equals("news") || ex.kind().equals("notice")) {
        messengers++;
        if (c.guaranteedReturn() || c.financialSolicitation() || !c.signals().isEmpty()) {
          messengerFlagged++;
        }
      }
    }
    Map<String, Score> scores = new LinkedHashMap<>();
    counts.forEach((label, n) -> scores.put(label, new Score(label, n[0], n[1], n[2])));
    double rate = messengers == 0 ? 0 : (double) messengerFlagged / messengers;
    return new Report(scores, rate, mistakes);
  }

  private static void count(
      Map<String, int[]> counts,
      String label,
      boolean predicted,
      boolean actual,
      Example ex,
      List<String> mistakes) {
    int[] n = counts.computeIfAbsent(label, k -> new int[3]);
    if (predicted && actual) {
      n[0]++;
    } else if (predicted) {
      n[1]++;
      mistakes.add(ex.id() + " false " + label);
    } else if (actual) {
      n[2]++;
      mistakes.add(ex.id() + " missed " + label);
    }
  }
}
