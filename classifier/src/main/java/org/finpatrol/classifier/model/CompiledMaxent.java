package org.finpatrol.classifier.model;

import java.util.IdentityHashMap;
import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.EvalParameters;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.UniformPrior;
import org.finpatrol.classifier.match.CompactText;

/**
 * A maximum-entropy model of {@link TextModel} that scores a text's characters and character pairs
 * without making them into strings: each feature is a number (a character, or two characters in one
 * int) looked up in a table of the model's predicates, and OpenNLP's own arithmetic then does the
 * rest, so the probabilities are OpenNLP's to the last bit ({@code TextModelTest} checks).
 *
 * <p>Through {@link MaxentModel#eval(String[])} a page made about two thousand short strings and as
 * many hash-map look-ups per model: a fifth of a patrol's classification time.
 */
final class CompiledMaxent {

  private final EvalParameters parameters;
  private final double[] logPrior;
  private final int yes;
  // Open addressing: keys[i] is a feature's code, predicates[i] its predicate's index + 1 (0:
  // empty).
  private final int[] keys;
  private final int[] predicates;
  private final int mask;

  private CompiledMaxent(
      EvalParameters parameters, String[] outcomes, int yes, int[] keys, int[] predicates) {
    this.parameters = parameters;
    // What GISModel starts each evaluation from, as it does for its models read from files.
    UniformPrior uniform = new UniformPrior();
    uniform.setLabels(outcomes, new String[0]);
    this.logPrior = new double[outcomes.length];
    uniform.logPrior(logPrior, (int[]) null, null);
    this.yes = yes;
    this.keys = keys;
    this.predicates = predicates;
    this.mask = keys.length - 1;
  }

  /**
   * The model compiled, or null when it is not one this class knows how to score exactly (not
   * OpenNLP's GIS model, or a predicate that is not one or two characters): then the model is
   * scored through OpenNLP.
   */
  @SuppressWarnings("unchecked")
  static CompiledMaxent of(MaxentModel model, String yesOutcome) {
    if (!(model instanceof GISModel gis)) {
      return null;
    }
    Object[] data = ((AbstractModel) gis).getDataStructures();
    Context[] params = (Context[]) data[0];
    Map<String, Context> predicates = (Map<String, Context>) data[1];
    String[] outcomes = (String[]) data[2];
    EvalParameters parameters = new EvalParameters(params, outcomes.length);
    Map<Context, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < params.length; i++) {
      index.put(params[i], i);
    }
    int size = Integer.highestOneBit(Math.max(1, predicates.size()) * 2 - 1) << 1;
    int[] keys = new int[size];
    int[] values = new int[size];
    for (Map.Entry<String, Context> e : predicates.entrySet()) {
      String f = e.getKey();
      Integer predicate = index.get(e.getValue());
      if (predicate == null || f.isEmpty() || f.length() > 2) {
        return null;
      }
      int code = f.length() == 1 ? f.charAt(0) : code(f.charAt(0), f.charAt(1));
      int slot = slot(code, size - 1);
      while (values[slot] != 0) {
        slot = (slot + 1) & (size - 1);
      }
      keys[slot] = code;
      values[slot] = predicate + 1;
    }
    return new CompiledMaxent(parameters, outcomes, model.getIndex(yesOutcome), keys, values);
  }

  /** A pair's code: never a single character's, as the first character of a pair is never 0. */
  private static int code(char first, char second) {
    return first << 16 | second;
  }

  private static int slot(int code, int mask) {
    return (code * 0x9E3779B1 >>> 16) & mask;
  }

  private int predicate(int code) {
    for (int i = slot(code, mask); ; i = (i + 1) & mask) {
      int p = predicates[i];
      if (p == 0) {
        return -1;
      }
      if (keys[i] == code) {
        return p - 1;
      }
    }
  }

  /**
   * The probability of the "yes" outcome for the text's features, in the order {@link
   * TextModel#features} lists them: each character, then the pair it starts.
   */
  double yes(CompactText text) {
    String c = text.compact();
    int[] context = new int[c.length() * 2];
    int n = 0;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch == CompactText.BREAK) {
        continue;
      }
      // Features the model never saw add nothing, as in OpenNLP, where they find no predicate.
      int p = predicate(ch);
      if (p >= 0) {
        context[n++] = p;
      }
      if (i + 1 < c.length() && c.charAt(i + 1) != CompactText.BREAK) {
        p = predicate(code(ch, c.charAt(i + 1)));
        if (p >= 0) {
          context[n++] = p;
        }
      }
    }
    return GISModel.eval(java.util.Arrays.copyOf(context, n), logPrior.clone(), parameters)[yes];
  }
}
