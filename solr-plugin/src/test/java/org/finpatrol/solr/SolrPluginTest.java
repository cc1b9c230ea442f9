package org.finpatrol.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.apache.solr.common.SolrInputDocument;
import org.finpatrol.indexer.analysis.HanLPAnalyzer;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Solr core configured with this module's {@code conf/} and the finance dictionary, running in
 * this JVM with FinPatrol's jars on the class path the way a server has them in its lib directory:
 * it analyses as FinPatrol's index does and finds what FinPatrol finds.
 */
class SolrPluginTest {

  private static final Path DICTIONARY = Path.of("../config/dictionaries/finance.txt");

  @TempDir static Path home;
  private static EmbeddedSolrServer solr;

  @BeforeAll
  static void startACoreFromTheShippedConfiguration() throws Exception {
    Path conf = Files.createDirectories(home.resolve("pages/conf"));
    Files.copy(Path.of("conf/schema.xml"), conf.resolve("schema.xml"));
    Files.copy(Path.of("conf/solrconfig.xml"), conf.resolve("solrconfig.xml"));
    Files.copy(DICTIONARY, conf.resolve("finance.txt"));
    Files.writeString(home.resolve("pages/core.properties"), "name=pages\n");
    Files.writeString(home.resolve("solr.xml"), "<solr/>\n");
    solr = new EmbeddedSolrServer(home, "pages");

    solr.add(page("https://a.test/1", "高收益理财", "本平台承诺保本保息，年化收益15%，首付贷轻松上车！"));
    solr.add(page("https://b.test/1", "基金常识", "保本型基金并不承诺保息，投资有风险，理财需谨慎。"));
    solr.add(page("https://c.test/1", "限時優惠", "穩賺不賠，月入過萬，拉人頭獎勵。"));
    solr.commit();
  }

  @AfterAll
  static void stop() throws IOException {
    if (solr != null) {
      solr.close();
    }
  }

  @Test
  void solrSegmentsTheWordFieldsExactlyAsFinPatrolsIndexDoes() throws Exception {
    String sentence = "【穩賺不賠】本平台承诺保本保息，年化１５％，首付贷APP下载";
    FieldAnalysisRequest request = new FieldAnalysisRequest();
    request.addFieldName("text_words");
    request.setFieldValue(sentence);
    FieldAnalysisResponse response = request.process(solr);
    List<AnalysisResponseBase.AnalysisPhase> phases = new ArrayList<>();
    response.getFieldNameAnalysis("text_words").getIndexPhases().forEach(phases::add);
    List<String> solrTokens =
        phases.get(phases.size() - 1).getTokens().stream()
            .map(t -> t.getText() + "@" + t.getStart() + "-" + t.getEnd() + "#" + t.getPosition())
            .toList();

    List<String> finPatrolTokens;
    try (Analyzer own = new HanLPAnalyzer(new Segmenter(FinanceDictionary.load(DICTIONARY)))) {
      finPatrolTokens = tokens(own, sentence);
    }
    assertThat(solrTokens)
        .isEqualTo(finPatrolTokens)
        .contains("稳赚不赔@1-5#1", "保本保息@11-15#5", "首付贷@22-25#8");
  }

  @Test
  void aWordQueryFindsTheWholeFinanceTermOnly() throws Exception {
    assertThat(urls("text_words:保本保息")).containsExactly("https://a.test/1");
  }

  @Test
  void aBigramPhraseFindsEverySubstring() throws Exception {
    assertThat(urls("text:\"保息\""))
        .containsExactlyInAnyOrder("https://a.test/1", "https://b.test/1");
  }

  @Test
  void anUnquotedRunOfChineseIsAPhraseAsInFinPatrolsSearch() throws Exception {
    // 承诺保息 stands as such only on b; a has 承诺 and 保息 apart (承诺保本保息).
    assertThat(urls("text:承诺保息")).containsExactly("https://b.test/1");
  }

  @Test
  void simplifiedQueriesFindTraditionalPages() throws Exception {
    assertThat(urls("text_words:稳赚不赔")).containsExactly("https://c.test/1");
    assertThat(urls("text:\"拉人头\"")).containsExactly("https://c.test/1");
    assertThat(urls("title:\"限时\"")).containsExactly("https://c.test/1");
  }

  private static SolrInputDocument page(String url, String title, String text) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField("url", url);
    doc.addField("host", url.replaceAll("https://([^/]+)/.*", "$1"));
    doc.addField("title", title);
    doc.addField("text", text);
    return doc;
  }

  private static List<String> urls(String query) throws Exception {
    return solr.query(new SolrQuery(query)).getResults().stream()
        .map(d -> (String) d.getFieldValue("url"))
        .toList();
  }

  /** Each token as {@code term@start-end#position}, positions counted from 1 as Solr does. */
  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text_words", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = 0;
      while (ts.incrementToken()) {
        position += increment.getPositionIncrement();
        out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "#" + position);
      }
      ts.end();
    }
    return out;
  }
}
