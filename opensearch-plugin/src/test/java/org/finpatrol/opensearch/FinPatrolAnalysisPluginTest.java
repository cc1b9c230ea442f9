package org.finpatrol.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.finpatrol.indexer.analysis.HanLPAnalyzer;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import org.opensearch.action.admin.indices.analyze.AnalyzeAction;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.plugins.Plugin;
import org.opensearch.search.SearchHit;
import org.opensearch.test.OpenSearchSingleNodeTestCase;

/**
 * A real OpenSearch node in this JVM with the plugin loaded: an index configured with the plugin's
 * analyzers analyses as FinPatrol's own index does and finds what FinPatrol finds, and bad settings
 * are refused with a message that names them.
 */
public class FinPatrolAnalysisPluginTest extends OpenSearchSingleNodeTestCase {

  /** config/dictionaries/finance.txt, copied to the class path by the build. */
  private static final String DICTIONARY = "/finpatrol/finance.txt";

  private static FinanceDictionary dictionary() throws IOException {
    try (InputStream in = FinPatrolAnalysisPluginTest.class.getResourceAsStream(DICTIONARY)) {
      return FinanceDictionary.read(in, DICTIONARY);
    }
  }

  @Override
  protected Collection<Class<? extends Plugin>> getPlugins() {
    return pluginList(FinPatrolAnalysisPlugin.class);
  }

  @Override
  public void setUp() throws Exception {
    super.setUp();
    Path config = getInstanceFromNode(Environment.class).configFile();
    Files.createDirectories(config.resolve("finpatrol"));
    try (InputStream in = getClass().getResourceAsStream(DICTIONARY)) {
      Files.copy(in, config.resolve("finpatrol/finance.txt"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(config.resolve("outside.txt"), "躺赚宝\n");
  }

  private void createPages() {
    client()
        .admin()
        .indices()
        .prepareCreate("pages")
        .setSettings(
            Settings.builder()
                .put("index.number_of_shards", 1)
                .put("index.analysis.analyzer.words.type", "finpatrol_words")
                .put("index.analysis.analyzer.words.dictionary", "finance.txt")
                .put("index.analysis.analyzer.bigrams.type", "finpatrol_bigrams")
                .put("index.analysis.tokenizer.hanlp.type", "finpatrol_hanlp")
                .put("index.analysis.tokenizer.hanlp.dictionary", "finance.txt")
                .put("index.analysis.analyzer.custom_words.tokenizer", "hanlp")
                .putList("index.analysis.analyzer.custom_words.filter", "finpatrol_normalize"))
        .setMapping(
            "url", "type=keyword",
            "text", "type=text,analyzer=bigrams,copy_to=text_words",
            "text_words", "type=text,analyzer=words")
        .get();
  }

  public void testTheWordsAnalyzerSegmentsExactlyAsFinPatrolsIndexDoes() throws IOException {
    createPages();
    String sentence = "【穩賺不賠】本平台承诺保本保息，年化１５％，首付贷APP下载";
    List<String> expected;
    try (Analyzer own = new HanLPAnalyzer(new Segmenter(dictionary()))) {
      expected = terms(own, sentence);
    }
    assertEquals(expected, analyze("words", sentence));
    assertEquals(expected, analyze("custom_words", sentence));
    assertTrue(expected.containsAll(List.of("稳赚不赔", "保本保息", "首付贷", "app")));
  }

  public void testTheBigramsAnalyzerPairsNormalisedCharacters() {
    createPages();
    assertEquals(List.of("稳赚", "赚不", "不赔"), analyze("bigrams", "穩賺不賠"));
  }

  public void testWordAndPhraseQueriesFindWhatFinPatrolFinds() {
    createPages();
    index("a", "本平台承诺保本保息，年化收益15%，首付贷轻松上车！");
    index("b", "保本型基金并不承诺保息，投资有风险，理财需谨慎。");
    index("c", "穩賺不賠，月入過萬，拉人頭獎勵。");
    client().admin().indices().prepareRefresh("pages").get();

    assertEquals(List.of("a"), search(QueryBuilders.matchQuery("text_words", "保本保息")));
    assertEquals(
        List.of("a", "b"),
        search(QueryBuilders.matchPhraseQuery("text", "保息")).stream().sorted().toList());
    assertEquals(List.of("c"), search(QueryBuilders.matchQuery("text_words", "稳赚不赔")));
    assertEquals(List.of("c"), search(QueryBuilders.matchPhraseQuery("text", "拉人头")));
  }

  public void testAMissingDictionaryIsRefusedByName() {
    String message =
        refusal(Settings.builder().put("index.analysis.analyzer.w.type", "finpatrol_words"));
    assertTrue(message, message.contains("[dictionary] is required"));
  }

  public void testOnlyTextFilesInTheFinPatrolConfigDirectoryMayBeNamed() {
    for (String name : List.of("../outside.txt", "../opensearch.yml", "/etc/passwd", "none.txt")) {
      String message =
          refusal(
              Settings.builder()
                  .put("index.analysis.tokenizer.t.type", "finpatrol_hanlp")
                  .put("index.analysis.tokenizer.t.dictionary", name));
      assertTrue(
          message,
          message.contains("[dictionary] " + name + " must name a .txt file in finpatrol/"));
    }
  }

  /** The message of the refusal to create an index with these settings. */
  private String refusal(Settings.Builder settings) {
    return expectThrows(
            IllegalArgumentException.class,
            () -> client().admin().indices().prepareCreate("bad").setSettings(settings).get())
        .getMessage();
  }

  public void testComponentsShareASegmenterUntilTheFileChanges() throws IOException {
    Environment environment = getInstanceFromNode(Environment.class);
    Settings settings = Settings.builder().putList("dictionary", "finance.txt").build();
    Segmenter first = Dictionaries.segmenter(environment, "tokenizer a", settings);
    assertSame(first, Dictionaries.segmenter(environment, "tokenizer b", settings));

    Path file = environment.configFile().resolve("finpatrol/finance.txt");
    Files.writeString(file, "躺赚宝\n", java.nio.file.StandardOpenOption.APPEND);
    Files.setLastModifiedTime(
        file,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(file).toMillis() + 2000));
    Segmenter reloaded = Dictionaries.segmenter(environment, "tokenizer c", settings);
    assertNotSame(first, reloaded);
    assertEquals("躺赚宝", reloaded.segment("躺赚宝").get(0).text());
  }

  private List<String> analyze(String analyzer, String text) {
    AnalyzeAction.Response response =
        client().admin().indices().prepareAnalyze("pages", text).setAnalyzer(analyzer).get();
    return response.getTokens().stream().map(AnalyzeAction.AnalyzeToken::getTerm).toList();
  }

  private void index(String id, String text) {
    client()
        .prepareIndex("pages")
        .setId(id)
        .setSource("url", "https://" + id + ".test/", "text", text)
        .get();
  }

  private List<String> search(org.opensearch.index.query.QueryBuilder query) {
    return Arrays.stream(client().prepareSearch("pages").setQuery(query).get().getHits().getHits())
        .map(SearchHit::getId)
        .toList();
  }

  private static List<String> terms(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text_words", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
