package org.finpatrol.benchmarks;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.finpatrol.indexer.analysis.BigramAnalyzer;
import org.finpatrol.indexer.analysis.HanLPAnalyzer;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Analysis throughput on the 300 corpus texts (about 35,000 characters) per operation: FinPatrol's
 * HanLP word analyzer and its bigram recall analyzer, beside raw HanLP segmentation (no Lucene, no
 * normalisation), Lucene's StandardAnalyzer and smartcn. Every variant consumes every token, of
 * texts each made a line never seen before (FinPatrol's segmenter remembers repeated lines, and a
 * page's own text does not repeat); {@code finpatrolHanLPWordsRepeatedLines} shows what a line seen
 * before (a site's template) costs instead. Run: {@code java -jar benchmarks/target/benchmarks.jar
 * AnalyzerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class AnalyzerBenchmark {

  private String[] texts;
  private Analyzer finpatrolWords;
  private Analyzer finpatrolBigrams;
  private Analyzer standard;
  private Analyzer smartcn;
  private Segment rawHanLP;
  private Segment rawHanLPWithoutNames;
  private long op = 1;
  private String[] repeated;

  @Setup
  public void setUp() throws IOException {
    try (InputStream in = AnalyzerBenchmark.class.getResourceAsStream("/corpus-texts.txt")) {
      texts = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
    }
    // The same texts every operation, prefixed as the fresh ones are (op 0 is never fresh).
    repeated = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      repeated[i] = "00000000 " + texts[i];
    }
    String dictionary = System.getProperty("finpatrol.dictionaries", "config/dictionaries");
    finpatrolWords = new HanLPAnalyzer(new Segmenter(FinanceDictionary.load(Path.of(dictionary))));
    finpatrolBigrams = new BigramAnalyzer();
    standard = new StandardAnalyzer();
    smartcn = new SmartChineseAnalyzer();
    rawHanLP = new ViterbiSegment();
    // HanLP configured as FinPatrol's Segmenter configures it (no person or transliterated-name
    // recognition), to show what the Lucene wrapping itself costs.
    rawHanLPWithoutNames =
        new ViterbiSegment().enableNameRecognize(false).enableTranslatedNameRecognize(false);
  }

  /**
   * The texts, each as a line never analysed before: FinPatrol's segmenter remembers lines it has
   * seen twice (a site's template), and the texts of pages do not repeat. Every variant pays for
   * this copy.
   */
  private String[] fresh() {
    // A fixed width, so that every operation analyses as many characters.
    String prefix = String.format(Locale.ROOT, "%08d ", op++);
    String[] lines = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      lines[i] = prefix + texts[i];
    }
    return lines;
  }

  private long consume(Analyzer analyzer) throws IOException {
    return consume(analyzer, fresh());
  }

  /** Analyses every line, consuming every token; the number of tokens. */
  static long consume(Analyzer analyzer, String... lines) throws IOException {
    long tokens = 0;
    for (String text : lines) {
      try (TokenStream ts = analyzer.tokenStream("f", text)) {
        ts.reset();
        while (ts.incrementToken()) {
          tokens++;
        }
        ts.end();
      }
    }
    return tokens;
  }

  @Benchmark
  public long finpatrolHanLPWords() throws IOException {
    return consume(finpatrolWords);
  }

  /** The same texts every time: lines a site repeats on every page, as the segmenter sees them. */
  @Benchmark
  public long finpatrolHanLPWordsRepeatedLines() throws IOException {
    return consume(finpatrolWords, repeated);
  }

  @Benchmark
  public long finpatrolBigrams() throws IOException {
    return consume(finpatrolBigrams);
  }

  @Benchmark
  public long baselineStandardAnalyzer() throws IOException {
    return consume(standard);
  }

  @Benchmark
  public long baselineSmartcn() throws IOException {
    return consume(smartcn);
  }

  @Benchmark
  public long baselineRawHanLP() {
    long terms = 0;
    for (String text : fresh()) {
      terms += rawHanLP.seg(text).size();
    }
    return terms;
  }

  @Benchmark
  public long baselineRawHanLPWithoutNameRecognition() {
    long terms = 0;
    for (String text : fresh()) {
      terms += rawHanLPWithoutNames.seg(text).size();
    }
    return terms;
  }
}
