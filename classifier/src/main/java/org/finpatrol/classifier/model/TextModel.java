package org.finpatrol.classifier.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.finpatrol.classifier.match.CompactText;

/**
 * Two maximum-entropy categorizers, one for {@code guaranteed_return} and one for {@code
 * financial_solicitation}, with the probability at or over which a label counts. Features are the
 * characters and adjacent character pairs of the compact normalised text ({@link CompactText}): 保 本
 * 保 息 and 保本保息 give the same features.
 *
 * <p>Chosen by 10-fold cross-validation on the development corpus against OpenNLP's naive Bayes
 * (see benchmarks/README.md): naive Bayes is over-confident (precision 0.79 for guaranteed returns
 * even at p ≥ 0.9999), while maximum entropy at p ≥ 0.8 adds recall to the rules without costing
 * precision. Thread-safe: scoring only reads the immutable models.
 */
public final class TextModel {

  /** The probability at or over which a label counts, unless the model's file says otherwise. */
  public static final double DEFAULT_THRESHOLD = 0.8;

  static final String GUARANTEED_RETURN_FILE = "guaranteed_return.bin";
  static final String SOLICITATION_FILE = "financial_solicitation.bin";
  static final String PROPERTIES_FILE = "model.properties";
  private static final String YES = "yes";
  private static final String NO = "no";

  private final DoccatModel guaranteedReturn;
  private final DoccatModel solicitation;
  // The same models, scored without feature strings; null for a model they cannot score exactly.
  private final CompiledMaxent guaranteedReturnScorer;
  private final CompiledMaxent solicitationScorer;
  private final double threshold;
  private final int trainedOn;

  private TextModel(
      DoccatModel guaranteedReturn, DoccatModel solicitation, double threshold, int trainedOn) {
    this.guaranteedReturn = guaranteedReturn;
    this.solicitation = solicitation;
    this.guaranteedReturnScorer = CompiledMaxent.of(guaranteedReturn.getMaxentModel(), YES);
    this.solicitationScorer = CompiledMaxent.of(solicitation.getMaxentModel(), YES);
    this.threshold = threshold;
    this.trainedOn = trainedOn;
  }

  /** Trains both categorizers; deterministic for the same samples in the same order. */
  public static TextModel train(List<Sample> samples, double threshold) {
    if (threshold <= 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    return new TextModel(
        train(samples, Sample::guaranteedReturn, "guaranteed_return"),
        train(samples, Sample::financialSolicitation, "financial_solicitation"),
        threshold,
        samples.size());
  }

  private static DoccatModel train(
      List<Sample> samples, Function<Sample, Boolean> label, String name) {
    List<DocumentSample> docs = new ArrayList<>(samples.size());
    boolean yes = false;
    boolean no = false;
    for (Sample s : samples) {
      Boolean known = label.apply(s);
      if (known == null) {
        continue;
      }
      boolean positive = known;
      yes |= positive;
      no |= !positive;
      docs.add(new DocumentSample(positive ? YES : NO, features(CompactText.of(s.text()))));
    }
    if (!yes || !no) {
      throw new IllegalArgumentException(
          "cannot train " + name + ": the examples need both positive and negative ones");
    }
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.CUTOFF_PARAM, 1);
    params.put(TrainingParameters.ITERATIONS_PARAM, 200);
    params.put(TrainingParameters.THREADS_PARAM, 1);
    try {
      return DocumentCategorizerME.train(
          "zh",
          ObjectStreamUtils.createObjectStream(docs),
          params,
          new DoccatFactory(new FeatureGenerator[] {new CharacterFeatures()}));
    } catch (IOException e) {
      // The samples are in memory; OpenNLP's stream interface merely declares it.
      throw new IllegalStateException(e);
    }
  }

  /** Characters and adjacent pairs of the compact normalised text, never across a sentence end. */
  static String[] features(CompactText text) {
    String c = text.compact();
    List<String> out = new ArrayList<>(c.length() * 2);
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch == CompactText.BREAK) {
        continue;
      }
      out.add(String.valueOf(ch));
      if (i + 1 < c.length() && c.charAt(i + 1) != CompactText.BREAK) {
        out.add(c.substring(i, i + 2));
      }
    }
    return out.toArray(String[]::new);
  }

  public ModelScores score(String text) {
    return score(CompactText.of(text));
  }

  public ModelScores score(CompactText text) {
    if (compiled()) {
      return new ModelScores(guaranteedReturnScorer.yes(text), solicitationScorer.yes(text));
    }
    return scoreThroughOpenNlp(text);
  }

  /** Whether both models are scored without feature strings ({@link CompiledMaxent}). */
  boolean compiled() {
    return guaranteedReturnScorer != null && solicitationScorer != null;
  }

  /** The scores as OpenNLP computes them from the feature strings. */
  ModelScores scoreThroughOpenNlp(CompactText text) {
    String[] f = features(text);
    return new ModelScores(yes(guaranteedReturn, f), yes(solicitation, f));
  }

  /**
   * The probability of "yes", straight from the maximum-entropy model: the features are the context
   * as they are ({@link CharacterFeatures}), so both categorizers share one feature array.
   */
  private static double yes(DoccatModel model, String[] features) {
    MaxentModel maxent = model.getMaxentModel();
    return maxent.eval(features)[maxent.getIndex(YES)];
  }

  public double threshold() {
    return threshold;
  }

  /** How many examples it was trained on. */
  public int trainedOn() {
    return trainedOn;
  }

  /** Writes the model into {@code directory} (created if missing), replacing an earlier one. */
  public void save(Path directory) throws IOException {
    Files.createDirectories(directory);
    write(guaranteedReturn, directory.resolve(GUARANTEED_RETURN_FILE));
    write(solicitation, directory.resolve(SOLICITATION_FILE));
    Properties p = new Properties();
    p.setProperty("threshold", Double.toString(threshold));
    p.setProperty("trained_on", Integer.toString(trainedOn));
    try (Writer out =
        Files.newBufferedWriter(directory.resolve(PROPERTIES_FILE), StandardCharsets.UTF_8)) {
      p.store(out, "FinPatrol text model: written by 'finpatrol train'");
    }
  }

  private static void write(DoccatModel model, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      model.serialize(out);
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Whether {@code directory} holds a saved model. */
  public static boolean exists(Path directory) {
    return Files.isRegularFile(directory.resolve(GUARANTEED_RETURN_FILE))
        && Files.isRegularFile(directory.resolve(SOLICITATION_FILE));
  }

  /** Reads a model written by {@link #save}; a damaged file is named in the error. */
  public static TextModel load(Path directory) throws IOException {
    Properties p = new Properties();
    Path properties = directory.resolve(PROPERTIES_FILE);
    if (Files.isRegularFile(properties)) {
      try (Reader in = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
        p.load(in);
      }
    }
    double threshold;
    int trainedOn;
    try {
      threshold =
          Double.parseDouble(p.getProperty("threshold", Double.toString(DEFAULT_THRESHOLD)));
      trainedOn = Integer.parseInt(p.getProperty("trained_on", "0"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(properties + ": " + e.getMessage());
    }
    return new TextModel(
        read(directory.resolve(GUARANTEED_RETURN_FILE)),
        read(directory.resolve(SOLICITATION_FILE)),
        threshold,
        trainedOn);
  }

  private static DoccatModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new DoccatModel(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": not a readable model (" + e.getMessage() + ")");
    }
  }
}
