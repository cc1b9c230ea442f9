package org.finpatrol.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finpatrol.classifier.model.Sample;
import org.finpatrol.classifier.model.TextModel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

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

  /**
   * The scores, and the examples the classifier got wrong (id and what went wrong). {@code
   * messengers} counts the news and notice items, {@code messengersFlagged} those given any label
   * or signal.
   */
  public record Report(
      Map<String, Score> scores, int messengers, int messengersFlagged, List<String> mistakes) {

    public double messengerFalsePositiveRate() {
      return messengers == 0 ? 0 : (double) messengersFlagged / messengers;
    }

    /** All signals pooled: every (example, signal) decision counts once. */
    public Score signalsMicro() {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (Score s : scores.values()) {
        if (Labels.SIGNALS.contains(s.label())) {
          tp += s.truePositives();
          fp += s.falsePositives();
          fn += s.falseNegatives();
        }
      }
      return new Score("signals (micro)", tp, fp, fn);
    }
  }

  /** Told about a line of a labelled file that is not a usable example; the line is skipped. */
  @FunctionalInterface
  public interface BadLine {
    void skipped(int lineNumber, String reason);
  }

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private Evaluation() {}

  /**
   * Reads labelled examples, one JSON object a line as in {@code corpus/dev.jsonl}: {@code id},
   * {@code text}, {@code guaranteed_return} and {@code financial_solicitation} are required, {@code
   * kind} defaults to {@code page} and {@code signals} to none. Blank lines are ignored; any other
   * line that is not such an object, or names a signal RULES.md does not define, goes to {@code
   * bad} and is skipped, so one broken line does not cost the whole file.
   */
  public static List<Example> read(String jsonLines, BadLine bad) {
    List<Example> examples = new ArrayList<>();
    int lineNumber = 0;
    for (String line : (Iterable<String>) jsonLines.lines()::iterator) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        examples.add(example(line));
      } catch (IllegalArgumentException e) {
        bad.skipped(lineNumber, e.getMessage());
      }
    }
    return examples;
  }

  private static Example example(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Set<String> signals = new LinkedHashSet<>();
    JsonNode list = node.get("signals");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new IllegalArgumentException("\"signals\" must be an array of signal ids");
      }
      for (JsonNode signal : list) {
        if (!signal.isString() || !Labels.SIGNALS.contains(signal.asString())) {
          throw new IllegalArgumentException("unknown signal " + signal + " (see RULES.md)");
        }
        signals.add(signal.asString());
      }
    }
    JsonNode kind = node.get("kind");
    return new Example(
        string(node, "id"),
        kind == null || kind.isNull() ? "page" : string(node, "kind"),
        string(node, "text"),
        bool(node, "guaranteed_return"),
        bool(node, "financial_solicitation"),
        signals);
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isString()) {
      throw new IllegalArgumentException("needs a string \"" + field + "\"");
    }
    return value.asString();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isBoolean()) {
      throw new IllegalArgumentException("needs true or false for \"" + field + "\"");
    }
    return value.asBoolean();
  }

  /** Scores {@code classifier} on {@code examples} as it is (its model, if any, included). */
  public static Report run(Classifier classifier, List<Example> examples) {
    Tally tally = new Tally();
    examples.forEach(ex -> tally.add(ex, classifier.classify(ex.id(), ex.text())));
    return tally.report();
  }

  /**
   * Scores the rules with a statistical model under {@code folds}-fold cross-validation: example
   * {@code i} falls in fold {@code i % folds}, and each fold is classified with a model trained on
   * the other folds only, so no example is scored by a model that saw it.
   */
  public static Report crossValidate(
      Classifier rules, List<Example> examples, int folds, double threshold) {
    if (folds < 2 || folds > examples.size()) {
      throw new IllegalArgumentException(
          "folds must be between 2 and the number of examples (" + examples.size() + ")");
    }
    Tally tally = new Tally();
    for (int fold = 0; fold < folds; fold++) {
      List<Sample> training = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (i % folds != fold) {
          training.add(sample(examples.get(i)));
        }
      }
      Classifier classifier = rules.withModel(TextModel.train(training, threshold));
      for (int i = fold; i < examples.size(); i += folds) {
        Example ex = examples.get(i);
        tally.add(ex, classifier.classify(ex.id(), ex.text()));
      }
    }
    return tally.report();
  }

  /** The training form of a labelled example. */
  public static Sample sample(Example ex) {
    return new Sample(ex.text(), ex.guaranteedReturn(), ex.financialSolicitation());
  }

  /** Counts decisions as examples are classified. */
  private static final class Tally {
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<String> mistakes = new ArrayList<>();
    private int messengers;
    private int messengersFlagged;

    void add(Example ex, Classification c) {
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
        if (c.model() != null && !c.model().added().isEmpty()) {
          why.append(" model added ").append(c.model().added());
        }
        mistakes.add(why.toString());
      }
      if (ex.kind().equals("news") || ex.kind().equals("notice")) {
        messengers++;
        if (c.guaranteedReturn() || c.financialSolicitation() || !c.signals().isEmpty()) {
          messengersFlagged++;
        }
      }
    }

    Report report() {
      // Labels in a fixed order (the two labels, then RULES.md's signals), whatever came first.
      Map<String, Score> scores = new LinkedHashMap<>();
      List<String> order = new ArrayList<>(List.of("guaranteed_return", "financial_solicitation"));
      order.addAll(Labels.SIGNALS);
      for (String label : order) {
        int[] n = counts.get(label);
        if (n != null) {
          scores.put(label, new Score(label, n[0], n[1], n[2]));
        }
      }
      return new Report(scores, messengers, messengersFlagged, List.copyOf(mistakes));
    }
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
