package org.finpatrol.indexer.analysis;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;

/**
 * Offsets, normalisation, long input and random data, the Lucene way. {@code assertAnalyzesTo} also
 * checks the final offset set in {@code end()} against the input length.
 */
public class HanLPAnalyzerTest extends BaseTokenStreamTestCase {

  private static Segmenter financeSegmenter() throws IOException {
    return new Segmenter(FinanceDictionary.load(Path.of("../config/dictionaries")));
  }

  public void testFinanceTermsAreSingleTokensWithOffsets() throws IOException {
    try (Analyzer a = new HanLPAnalyzer(financeSegmenter())) {
      assertAnalyzesTo(
          a,
          "本平台承诺保本保息，年化收益15%。",
          new String[] {"本", "平台", "承诺", "保本保息", "年化收益", "15"},
          new int[] {0, 1, 3, 5, 10, 14},
          new int[] {1, 3, 5, 9, 14, 16});
    }
  }

  public void testTraditionalAndFullWidthInputKeepsOriginalOffsets() throws IOException {
    try (Analyzer a = new HanLPAnalyzer(financeSegmenter())) {
      assertAnalyzesTo(
          a,
          "【穩賺不賠】年化１５％",
          new String[] {"稳赚不赔", "年化", "15"},
          new int[] {1, 6, 8},
          new int[] {5, 8, 10});
    }
  }

  public void testMixedChineseEnglishAndNumbers() throws IOException {
    try (Analyzer a = new HanLPAnalyzer(financeSegmenter())) {
      assertAnalyzesTo(
          a,
          "年化15.5% APP下载 www.HXLC.test",
          new String[] {"年化", "15.5", "app", "下载", "www", "hxlc", "test"},
          new int[] {0, 2, 8, 11, 14, 18, 23},
          new int[] {2, 6, 11, 13, 17, 22, 27});
    }
  }

  public void testLongInputHasExactOffsetsEverywhere() throws IOException {
    StringBuilder text = new StringBuilder();
    while (text.length() < 25_000) {
      text.append("投资有风险，本平台承诺保本保息年化收益十二个点稳赚不赔");
    }
    String s = text.toString();
    try (Analyzer a = new HanLPAnalyzer(financeSegmenter());
        var ts = a.tokenStream("f", s)) {
      var term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      var offsets =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      int count = 0;
      int guaranteed = 0;
      while (ts.incrementToken()) {
        assertEquals(term.toString(), s.substring(offsets.startOffset(), offsets.endOffset()));
        if (term.toString().equals("保本保息")) {
          guaranteed++;
        }
        count++;
      }
      ts.end();
      assertEquals(s.length(), offsets.endOffset());
      assertTrue(count > 5000);
      assertEquals(s.split("保本保息", -1).length - 1, guaranteed);
    }
  }

  public void testRunWithoutBoundariesLongerThanTheBlockIsStillTokenized() throws IOException {
    String s = "保本保息".repeat(HanLPTokenizer.MAX_RUN / 4 + 100);
    try (Analyzer a = new HanLPAnalyzer(financeSegmenter());
        var ts = a.tokenStream("f", s)) {
      var offsets =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      int last = 0;
      while (ts.incrementToken()) {
        assertTrue(offsets.startOffset() >= last);
        last = offsets.endOffset();
      }
      ts.end();
      assertEquals(s.length(), offsets.endOffset());
    }
  }

  public void testRandomStrings() throws IOException {
    try (Analyzer a = new HanLPAnalyzer(financeSegmenter())) {
      checkRandomData(random(), a, 200 * RANDOM_MULTIPLIER);
    }
  }

  public void testRandomHugeStrings() throws IOException {
    try (Analyzer a = new HanLPAnalyzer(financeSegmenter())) {
      checkRandomData(random(), a, 5 * RANDOM_MULTIPLIER, 20_000);
    }
  }

  public void testBigramAnalyzerNormalisesBeforePairing() throws IOException {
    try (Analyzer a = new BigramAnalyzer()) {
      assertAnalyzesTo(
          a,
          "穩賺不賠 ABC",
          new String[] {"稳赚", "赚不", "不赔", "abc"},
          new int[] {0, 1, 2, 5},
          new int[] {2, 3, 4, 8});
      checkRandomData(random(), a, 100 * RANDOM_MULTIPLIER);
    }
  }
}
