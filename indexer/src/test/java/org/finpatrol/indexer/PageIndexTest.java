package org.finpatrol.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageIndexTest {

  private static final Segmenter SEGMENTER =
      new Segmenter(FinanceDictionary.of("保本保息", "年化", "稳赚不赔"));
  private static final Set<String> LABELS = Set.of("GUARANTEED_RETURN", "HIGH_YIELD");

  @TempDir Path dir;
  private PageIndex index;

  @BeforeEach
  void open() throws IOException {
    index = PageIndex.openForWriting(dir, SEGMENTER, LABELS);
    index.upsert(page("http://xinsheng.test/", "鑫盛理财", "鑫盛理财，本平台承诺保本保息，年化收益15%，立即投资。"));
    index.upsert(page("http://news.test/a", "警方提醒", "警方提醒：以保本保息为名的理财多为骗局。"));
    index.upsert(page("http://bank.test/", "某银行", "理财非存款，产品有风险，投资须谨慎。"));
    index.upsert(page("http://tw.test/", "穩賺", "穩賺不賠，年化１５％"));
    index.commit();
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  private static IndexedPage page(String url, String title, String text) {
    String host = url.replaceFirst("https?://", "").replaceFirst("/.*", "");
    return new IndexedPage(
        url,
        host,
        title,
        text,
        Instant.parse("2026-11-24T08:00:00Z"),
        "e.warc.gz",
        "<urn:uuid:1>",
        "ab");
  }

  @Test
  void plainChineseQueryFindsEveryPageContainingItWithMarkedSnippets() throws IOException {
    SearchResult result = index.search(SearchRequest.of("保本保息", 10));
    assertThat(result.hits())
        .extracting(SearchHit::url)
        .containsExactlyInAnyOrder("http://xinsheng.test/", "http://news.test/a");
    SearchHit first = result.hits().get(0);
    assertThat(first.snippet().marked("<em>", "</em>")).contains("<em>保本保息</em>");
  }

  @Test
  void substringsThatSegmentationSplitsDifferentlyStillMatch() throws IOException {
    assertThat(index.search(SearchRequest.of("保息", 10)).totalHits()).isEqualTo(2);
    assertThat(index.search(SearchRequest.of("赚不赔", 10)).hits())
        .extracting(SearchHit::url)
        .containsExactly("http://tw.test/");
  }

  @Test
  void traditionalPageMatchesSimplifiedQueryAndTheReverse() throws IOException {
    assertThat(index.search(SearchRequest.of("稳赚不赔", 10)).hits())
        .extracting(SearchHit::url)
        .containsExactly("http://tw.test/");
    // Full-width digits in the page meet half-width ones in the query.
    assertThat(index.search(SearchRequest.of("年化15", 10)).hits())
        .extracting(SearchHit::url)
        .containsExactly("http://tw.test/");
    SearchHit tw = index.search(SearchRequest.of("稳赚", 10)).hits().get(0);
    assertThat(tw.snippet().marked("[", "]")).startsWith("[穩賺]");
  }

  @Test
  void singleCharacterQueryFindsWordsContainingIt() throws IOException {
    assertThat(index.search(SearchRequest.of("赔", 10)).hits())
        .extracting(SearchHit::url)
        .containsExactly("http://tw.test/");
  }

  @Test
  void labelsFilterAndAreReportedWithoutReindexing() throws IOException {
    index.setLabels("http://xinsheng.test/", Set.of("GUARANTEED_RETURN"), 80);
    index.commit();
    SearchResult labelled = index.search(new SearchRequest("保本保息", 10, "GUARANTEED_RETURN", null));
    assertThat(labelled.hits())
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.url()).isEqualTo("http://xinsheng.test/");
              assertThat(hit.labels()).containsExactly("GUARANTEED_RETURN");
              assertThat(hit.risk()).isEqualTo(80);
            });
    assertThatThrownBy(() -> index.setLabels("http://xinsheng.test/", Set.of("NOPE"), 1))
        .hasMessageContaining("NOPE");
  }

  @Test
  void reindexingTheSameUrlReplacesTheDocument() throws IOException {
    index.upsert(page("http://xinsheng.test/", "鑫盛理财", "页面已更新，不再有承诺。"));
    index.commit();
    assertThat(index.size()).isEqualTo(4);
    assertThat(index.search(SearchRequest.of("保本保息", 10)).totalHits()).isEqualTo(1);
  }

  @Test
  void hostFilterAndExpertSyntax() throws IOException {
    assertThat(index.search(new SearchRequest("保本保息", 10, null, "news.test")).hits())
        .extracting(SearchHit::host)
        .containsExactly("news.test");
    assertThat(index.search(SearchRequest.of("title:警方 AND text:骗局", 10)).totalHits()).isEqualTo(1);
    // Not valid syntax: searched as text instead of failing.
    assertThat(index.search(SearchRequest.of("http://xinsheng.test/", 10)).totalHits()).isZero();
  }

  @Test
  void readOnlySearcherSeesCommittedPagesAndRefusesWrites() throws IOException {
    try (PageIndex reader = PageIndex.openReadOnly(dir, SEGMENTER)) {
      assertThat(reader.search(SearchRequest.of("理财", 10)).totalHits()).isEqualTo(3);
      assertThatThrownBy(() -> reader.commit()).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void secondWriterGetsAClearLockError() {
    assertThatThrownBy(() -> PageIndex.openForWriting(dir, SEGMENTER, LABELS))
        .isInstanceOf(IndexLockedException.class)
        .hasMessageContaining("locked");
  }

  @Test
  void missingIndexIsReportedClearly(@TempDir Path empty) {
    assertThatThrownBy(() -> PageIndex.openReadOnly(empty.resolve("none"), SEGMENTER))
        .isInstanceOf(IndexMissingException.class)
        .hasMessageContaining("run a patrol first");
  }
}
