package org.finpatrol.benchmarks;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.model.TextModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification throughput on one core: documents per second for ~2 KB pages assembled from the
 * corpus texts (fixed seed, so about as many claims, warnings and news items as the corpus has),
 * beside raw HanLP segmentation of the same pages. The classifier needs no segmentation (its
 * phrases and anchors run as one Aho–Corasick automaton over normalised characters), so the
 * classify stage adds nothing to the index stage's one segmentation of a page. The second variant
 * adds the statistical model of {@code config/model} (characters and character pairs, no
 * segmentation either). Run: {@code java -Dfinpatrol.rules=config/rules -jar
 * benchmarks/target/benchmarks.jar ClassifierBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifierBenchmark {

  private static final int PAGES = 1000;

  private final String[] pages = new String[PAGES];
  private Classifier classifier;
  private Classifier withModel;
  private Segment rawHanLP;
  private Segment rawHanLPWithoutNames;

  @Setup
  public void setUp() throws IOException {
    String[] texts = CorpusTexts.read();
    Random random = new Random(42);
    for (int i = 0; i < PAGES; i++) {
      StringBuilder page = new StringBuilder(2200);
      // 2 KB as UTF-8 is about 700 Chinese characters.
      while (page.toString().getBytes(StandardCharsets.UTF_8).length < 2048) {
        page.append(texts[random.nextInt(texts.length)]).append('\n');
      }
      pages[i] = page.toString();
    }
    Path rules = Path.of(System.getProperty("finpatrol.rules", "config/rules"));
    classifier = Classifier.load(rules);
    withModel = classifier.withModel(TextModel.load(rules.resolveSibling("model")));
    rawHanLP = new ViterbiSegment();
    rawHanLPWithoutNames =
        new ViterbiSegment().enableNameRecognize(false).enableTranslatedNameRecognize(false);
  }

  @Benchmark
  @OperationsPerInvocation(PAGES)
  public long finpatrolClassify() {
    long findings = 0;
    for (int i = 0; i < PAGES; i++) {
      findings += classifier.classify("p" + i, pages[i]).findings().size();
    }
    return findings;
  }

  @Benchmark
  @OperationsPerInvocation(PAGES)
  public long finpatrolClassifyWithModel() {
    long findings = 0;
    for (int i = 0; i < PAGES; i++) {
      findings += withModel.classify("p" + i, pages[i]).findings().size();
    }
    return findings;
  }

  @Benchmark
  @OperationsPerInvocation(PAGES)
  public long baselineRawHanLP() {
    long terms = 0;
    for (String page : pages) {
      terms += rawHanLP.seg(page).size();
    }
    return terms;
  }

  @Benchmark
  @OperationsPerInvocation(PAGES)
  public long baselineRawHanLPWithoutNameRecognition() {
    long terms = 0;
    for (String page : pages) {
      terms += rawHanLPWithoutNames.seg(page).size();
    }
    return terms;
  }
}
