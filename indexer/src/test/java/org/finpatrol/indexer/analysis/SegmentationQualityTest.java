package org.finpatrol.indexer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import org.junit.jupiter.api.Test;

/**
 * Segmentation quality, measured: word-level precision, recall and F1 (the SIGHAN bakeoff measure:
 * a word counts when its exact span is in the gold standard) against hand-segmented samples in
 * {@code src/test/resources/segmentation/}: 60 texts from the shared corpus and 40 general news
 * sentences. Tokens without a letter or digit (punctuation) are left out on both sides, since the
 * analyzer drops them.
 *
 * <p>Three segmenters on the same text: raw HanLP ({@code ViterbiSegment.seg} on the text as it
 * is), {@code finpatrol analyze} without the finance dictionary, and {@code finpatrol analyze} as
 * shipped. The finance dictionary must raise F1 on finance text and not lower it on news.
 */
class SegmentationQualityTest {

  private record Score(int correct, int system, int gold) {
    double precision() {
      return system == 0 ? 0 : (double) correct / system;
    }

    double recall() {
      return gold == 0 ? 0 : (double) correct / gold;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Score plus(Score o) {
      return new Score(correct + o.correct, system + o.system, gold + o.gold);
    }
  }

  private static List<String> goldLines(String name) throws IOException {
    return Files.readAllLines(
            Path.of("src/test/resources/segmentation/" + name), StandardCharsets.UTF_8)
        .stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .toList();
  }

  private static boolean isWord(String token) {
    return token.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** Spans {@code start:end} of the word tokens of a gold line, in the space-free text. */
  private static Set<String> goldSpans(String line) {
    Set<String> spans = new HashSet<>();
    int pos = 0;
    for (String token : line.split(" ")) {
      if (isWord(token)) {
        spans.add(pos + ":" + (pos + token.length()));
      }
      pos += token.length();
    }
    return spans;
  }

  private static Function<String, Set<String>> analyzer(Analyzer analyzer) {
    return text -> {
      Set<String> spans = new HashSet<>();
      try (TokenStream ts = analyzer.tokenStream("f", text)) {
        OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          spans.add(offset.startOffset() + ":" + offset.endOffset());
        }
        ts.end();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return spans;
    };
  }

  private static Set<String> rawHanLP(String text) {
    Set<String> spans = new HashSet<>();
    int pos = 0;
    for (Term term : new ViterbiSegment().seg(text)) {
      if (isWord(term.word)) {
        spans.add(pos + ":" + (pos + term.word.length()));
      }
      pos += term.word.length();
    }
    return spans;
  }

  private static Score score(List<String> gold, Function<String, Set<String>> segmenter) {
    Score total = new Score(0, 0, 0);
    for (String line : gold) {
      Set<String> expected = goldSpans(line);
      Set<String> actual = segmenter.apply(line.replace(" ", ""));
      Set<String> correct = new HashSet<>(actual);
      correct.retainAll(expected);
      total = total.plus(new Score(correct.size(), actual.size(), expected.size()));
    }
    return total;
  }

  @Test
  void financeDictionaryRaisesF1OnFinanceTextAndDoesNotLowerItOnNews() throws IOException {
    List<String> finance = goldLines("gold-finance.txt");
    List<String> news = goldLines("gold-news.txt");
    assertThat(finance).hasSize(60);
    assertThat(news).hasSize(40);
    Segmenter shipped = new Segmenter(FinanceDictionary.load(Path.of("../config/dictionaries")));
    List<String> names =
        List.of("raw HanLP seg()", "analyze, no finance dictionary", "analyze (shipped)");
    List<Score[]> rows = new ArrayList<>();
    try (Analyzer plain = new HanLPAnalyzer(new Segmenter(FinanceDictionary.empty()));
        Analyzer analyze = new HanLPAnalyzer(shipped)) {
      List<Function<String, Set<String>>> segmenters =
          List.of(SegmentationQualityTest::rawHanLP, analyzer(plain), analyzer(analyze));
      for (Function<String, Set<String>> s : segmenters) {
        rows.add(new Score[] {score(finance, s), score(news, s)});
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-32s %23s   %23s%n%-32s %7s %7s %7s   %7s %7s %7s%n",
        "word segmentation vs gold",
        "finance (60 texts)",
        "news (40 sentences)",
        "",
        "P",
        "R",
        "F1",
        "P",
        "R",
        "F1");
    for (int i = 0; i < rows.size(); i++) {
      Score f = rows.get(i)[0];
      Score n = rows.get(i)[1];
      System.out.printf(
          Locale.ROOT,
          "%-32s %7.3f %7.3f %7.3f   %7.3f %7.3f %7.3f%n",
          names.get(i),
          f.precision(),
          f.recall(),
          f.f1(),
          n.precision(),
          n.recall(),
          n.f1());
    }
    Score[] without = rows.get(1);
    Score[] with = rows.get(2);
    assertThat(with[0].f1()).isGreaterThan(without[0].f1());
    assertThat(with[1].f1()).isGreaterThanOrEqualTo(without[1].f1());
    // And the shipped analyzer is no worse than HanLP itself on either.
    assertThat(with[0].f1()).isGreaterThan(rows.get(0)[0].f1());
    assertThat(with[1].f1()).isGreaterThanOrEqualTo(rows.get(0)[1].f1() - 0.01);
  }
}
