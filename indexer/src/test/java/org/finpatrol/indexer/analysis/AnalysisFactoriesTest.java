package org.finpatrol.indexer.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.FilesystemResourceLoader;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;

/**
 * The factories a search server finds by name build the same analysis as FinPatrol's own index:
 * same terms, offsets and positions for the word fields and for the bigram fields.
 */
public class AnalysisFactoriesTest extends BaseTokenStreamTestCase {

  private static final Path DICTIONARIES = Path.of("../config/dictionaries");

  private static final List<String> TEXTS =
      List.of(
          "本平台承诺保本保息，年化收益15%，首付贷轻松上车！",
          "【穩賺不賠】年化１５％，ＡＰＰ下载 www.HXLC.test",
          "投资有风险，理财需谨慎。我司与多家银行合作，资金由第三方存管。",
          "虚拟货币挖矿高额返利，拉人头奖励，稳赚不赔，详询客服微信 abc123。",
          "");

  private static Analyzer byName() throws IOException {
    return CustomAnalyzer.builder(new FilesystemResourceLoader(DICTIONARIES, loader()))
        .withTokenizer("finpatrolHanlp", "dictionary", "finance.txt")
        .addTokenFilter("finpatrolNormalize")
        .build();
  }

  private static ClassLoader loader() {
    return AnalysisFactoriesTest.class.getClassLoader();
  }

  public void testTheWordChainByNameEqualsTheIndexersWordAnalyzer() throws IOException {
    Segmenter segmenter =
        new Segmenter(FinanceDictionary.load(DICTIONARIES.resolve("finance.txt")));
    try (Analyzer own = new HanLPAnalyzer(segmenter);
        Analyzer named = byName()) {
      for (String text : TEXTS) {
        assertEquals(text, tokens(own, text), tokens(named, text));
      }
      assertTrue(tokens(named, TEXTS.get(0)).contains("保本保息@5-9+1"));
    }
  }

  public void testTheBigramChainByNameEqualsTheIndexersBigramAnalyzer() throws IOException {
    try (Analyzer own = new BigramAnalyzer();
        Analyzer named =
            CustomAnalyzer.builder()
                .withTokenizer("standard")
                .addTokenFilter("finpatrolNormalize")
                .addTokenFilter("cjkBigram")
                .build()) {
      for (String text : TEXTS) {
        assertEquals(text, tokens(own, text), tokens(named, text));
      }
      assertTrue(tokens(named, TEXTS.get(1)).contains("稳赚@1-3+1"));
    }
  }

  public void testQueryTermsAreNormalisedLikeTheText() throws IOException {
    try (Analyzer named = byName()) {
      assertEquals("稳赚app", named.normalize("text_words", "穩賺ＡＰＰ").utf8ToString());
    }
  }

  public void testLaterDictionariesAddWords() throws IOException {
    Path dir = createTempDir();
    java.nio.file.Files.writeString(dir.resolve("a.txt"), "保本保息\n");
    java.nio.file.Files.writeString(dir.resolve("b.txt"), "# 本地新词\n躺赚宝\n");
    try (Analyzer named =
        CustomAnalyzer.builder(new FilesystemResourceLoader(dir, loader()))
            .withTokenizer("finpatrolHanlp", "dictionary", "a.txt,b.txt")
            .build()) {
      assertAnalyzesTo(named, "躺赚宝保本保息", new String[] {"躺赚宝", "保本保息"});
    }
  }

  public void testRandomTextNeverBreaksTheNamedChain() throws IOException {
    try (Analyzer named = byName()) {
      checkRandomData(random(), named, 200 * RANDOM_MULTIPLIER);
    }
  }

  public void testAMissingDictionaryParameterIsRefusedByName() {
    IllegalArgumentException e =
        expectThrows(
            IllegalArgumentException.class,
            () -> CustomAnalyzer.builder().withTokenizer("finpatrolHanlp").build());
    assertTrue(e.getMessage(), e.getMessage().contains("dictionary"));
  }

  public void testAnUnknownParameterIsRefusedByName() {
    IllegalArgumentException e =
        expectThrows(
            IllegalArgumentException.class,
            () ->
                CustomAnalyzer.builder(new FilesystemResourceLoader(DICTIONARIES, loader()))
                    .withTokenizer("finpatrolHanlp", "dictionary", "finance.txt", "dict", "x")
                    .build());
    assertTrue(e.getMessage(), e.getMessage().contains("unknown parameters [dict]"));
  }

  public void testAMissingDictionaryFileIsReportedByName() {
    Exception e =
        expectThrows(
            IOException.class,
            () ->
                CustomAnalyzer.builder(new FilesystemResourceLoader(DICTIONARIES, loader()))
                    .withTokenizer("finpatrolHanlp", "dictionary", "missing.txt")
                    .build());
    assertTrue(e.getMessage(), e.getMessage().contains("missing.txt"));
  }

  /** Each token as {@code term@start-end+positionIncrement}. */
  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text_words", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + "@"
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + "+"
                + inc.getPositionIncrement());
      }
      ts.end();
    }
    return out;
  }
}
