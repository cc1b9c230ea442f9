package org.finpatrol.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.store.FSDirectory;
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
        List.of(),
        null,
        null,
        Instant.parse("2026-11-24T08:00:00Z"),
        "e.warc.gz",
        "<urn:uuid:1>",
        "ab");
  }

  @Test
  void buffersWrittenOutFromSeveralThreadsAreCommittedWhole() throws Exception {
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<?>> added = new java.util.ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        added.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    index.upsert(page("http://p" + thread + ".test/" + i, "理财", "保本保息，年化收益。"));
                  }
                  return null;
                }));
      }
      for (var f : added) {
        f.get();
      }
      int flushed = 0;
      while (index.flushNextBuffer()) {
        flushed++;
      }
      assertThat(flushed).as("a buffer per indexing thread, at least one").isBetween(1, 2);
      assertThat(index.flushNextBuffer()).isFalse();
      index.commit();
      assertThat(index.size()).isEqualTo(44);
      assertThat(index.search(SearchRequest.of("保本保息", 50)).totalHits()).isEqualTo(42);
    } finally {
      threads.shutdown();
    }
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
    SearchResult labelled =
        index.search(SearchRequest.of("保本保息", 10).withLabels(Set.of("GUARANTEED_RETURN")));
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
  void labelsTurnedOnJoinThoseAlreadyOnAndLeaveTheRiskAlone() throws IOException {
    index.setLabels("http://xinsheng.test/", Set.of("HIGH_YIELD"), 70);
    index.commit();
    index.turnOnLabels("http://xinsheng.test/", Set.of("GUARANTEED_RETURN"));
    index.turnOnLabels("http://news.test/a", Set.of());
    index.commit();
    assertThat(index.search(SearchRequest.of("保本保息", 10)).hits())
        .extracting(SearchHit::url, SearchHit::labels, SearchHit::risk)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "http://xinsheng.test/", List.of("GUARANTEED_RETURN", "HIGH_YIELD"), 70),
            org.assertj.core.groups.Tuple.tuple("http://news.test/a", List.of(), 0));
    assertThatThrownBy(() -> index.turnOnLabels("http://news.test/a", Set.of("NOPE")))
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
  void aWorkersShardReplacesItsPagesWithTheirLabelsAndTakingItTwiceChangesNothing(
      @TempDir Path shardDir) throws IOException {
    try (PageIndex shard = PageIndex.openForWriting(shardDir, SEGMENTER, LABELS)) {
      shard.upsert(page("http://xinsheng.test/", "鑫盛理财", "新版页面：保本保息，年化收益18%。"));
      shard.upsert(page("http://huitong.test/", "汇通宝", "汇通宝稳赚不赔，保本保息。"));
      shard.setLabels("http://huitong.test/", Set.of("GUARANTEED_RETURN"), 90);
      shard.commit();
    }
    assertThat(index.absorb(shardDir)).isEqualTo(2);
    assertThat(index.absorb(shardDir)).isEqualTo(2);
    assertThat(index.size()).isEqualTo(5);
    assertThat(index.search(SearchRequest.of("年化收益18", 10)).hits())
        .extracting(SearchHit::url)
        .containsExactly("http://xinsheng.test/");
    assertThat(index.search(SearchRequest.of("年化收益15", 10)).totalHits()).isZero();
    assertThat(
            index
                .search(SearchRequest.of("保本保息", 10).withLabels(Set.of("GUARANTEED_RETURN")))
                .hits())
        .singleElement()
        .satisfies(
            hit -> {
              assertThat(hit.url()).isEqualTo("http://huitong.test/");
              assertThat(hit.risk()).isEqualTo(90);
            });
  }

  @Test
  void newIndexesKeepNoOffsetsInThePostingsAndStillMarkSnippets() throws IOException {
    assertThat(index.storesOffsets()).isFalse();
    assertThat(textIndexOptions(dir)).isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    // Marked from the stored text analysed again: the same ranges as offsets in the postings gave.
    assertThat(index.search(SearchRequest.of("年化收益", 10)).hits())
        .singleElement()
        .satisfies(
            hit ->
                assertThat(hit.snippet().marked("[", "]"))
                    .isEqualTo("鑫盛理财，本平台承诺保本保息，[年化收益]15%，立即投资。"));
  }

  @Test
  void anIndexOfTheOlderLayoutKeepsItsOffsetsAndTakesNewPages(@TempDir Path older)
      throws IOException {
    try (PageIndex made = PageIndex.openForWriting(older, () -> SEGMENTER, LABELS, true)) {
      made.upsert(page("http://xinsheng.test/", "鑫盛理财", "本平台承诺保本保息，年化收益15%。"));
      made.commit();
    }
    try (PageIndex reopened = PageIndex.openForWriting(older, SEGMENTER, LABELS)) {
      assertThat(reopened.storesOffsets()).isTrue();
      // Lucene would refuse this page if it came with the new layout's field options.
      reopened.upsert(page("http://huitong.test/", "汇通宝", "汇通宝稳赚不赔，保本保息。"));
      reopened.commit();
      assertThat(textIndexOptions(older))
          .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
      assertThat(reopened.search(SearchRequest.of("保本保息", 10)).hits())
          .extracting(hit -> hit.snippet().marked("[", "]"))
          .containsExactlyInAnyOrder("本平台承诺[保本保息]，年化收益15%。", "汇通宝稳赚不赔，[保本保息]。");
    }
    try (PageIndex readOnly = PageIndex.openReadOnly(older, SEGMENTER)) {
      assertThat(readOnly.storesOffsets()).isTrue();
    }
  }

  @Test
  void aShardOfTheOtherLayoutIsRefusedWithoutChangingTheIndex(@TempDir Path shardDir)
      throws IOException {
    olderLayoutShard(shardDir, "新版页面：保本保息，年化收益18%。");
    assertThatThrownBy(() -> index.absorb(shardDir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(shardDir.toString())
        .hasMessageContaining("layout");
    index.commit();
    assertThat(index.size()).isEqualTo(4);
    assertThat(index.search(SearchRequest.of("年化收益15", 10)).totalHits()).isEqualTo(1);
  }

  @Test
  void anIndexWithoutPagesTakesTheLayoutOfTheFirstShardItAbsorbs(
      @TempDir Path empty, @TempDir Path shardDir) throws IOException {
    olderLayoutShard(shardDir, "本平台承诺保本保息，年化收益15%。");
    try (PageIndex index = PageIndex.openForWriting(empty, SEGMENTER, LABELS)) {
      assertThat(index.storesOffsets()).isFalse();
      assertThat(index.absorb(shardDir)).isEqualTo(1);
      assertThat(index.storesOffsets()).isTrue();
      index.upsert(page("http://huitong.test/", "汇通宝", "汇通宝稳赚不赔，保本保息。"));
      index.commit();
      assertThat(index.search(SearchRequest.of("保本保息", 10)).totalHits()).isEqualTo(2);
    }
  }

  /** A shard of one page of xinsheng.test, made in the older layout (offsets in the postings). */
  private static void olderLayoutShard(Path shardDir, String text) throws IOException {
    try (PageIndex shard = PageIndex.openForWriting(shardDir, () -> SEGMENTER, LABELS, true)) {
      shard.upsert(page("http://xinsheng.test/", "鑫盛理财", text));
      shard.commit();
    }
  }

  /** The options of the committed index's text field, as Lucene recorded them. */
  private static IndexOptions textIndexOptions(Path indexDir) throws IOException {
    try (var directory = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return FieldInfos.getMergedFieldInfos(reader).fieldInfo(Schema.TEXT).getIndexOptions();
    }
  }

  @Test
  void hostFilterAndExpertSyntax() throws IOException {
    assertThat(index.search(SearchRequest.of("保本保息", 10).withHost("news.test")).hits())
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
  void aDamagedIndexIsRefusedBeforeAnythingIsWritten() throws IOException {
    index.close();
    index = PageIndex.openForWriting(dir, SEGMENTER, LABELS);
    assertThat(index.size()).as("a whole index reopens").isEqualTo(4);
    index.close();
    Path victim;
    try (var files = Files.list(dir)) {
      victim =
          files
              .filter(f -> !f.getFileName().toString().startsWith("segments"))
              .filter(f -> !f.getFileName().toString().equals("write.lock"))
              .max(java.util.Comparator.comparingLong(f -> f.toFile().length()))
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(victim);
    bytes[bytes.length / 2] ^= 0x5a; // one flipped byte, as a failing disk leaves it
    Files.write(victim, bytes);

    assertThatThrownBy(() -> PageIndex.openForWriting(dir, SEGMENTER, LABELS))
        .isInstanceOf(IndexDamagedException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("1 of 1 segment(s) fail their checksums")
        .hasMessageContaining("Move the directory aside");
    assertThat(Files.readAllBytes(victim)).as("nothing written").isEqualTo(bytes);
  }

  @Test
  void missingIndexIsReportedClearly(@TempDir Path empty) {
    assertThatThrownBy(() -> PageIndex.openReadOnly(empty.resolve("none"), SEGMENTER))
        .isInstanceOf(IndexMissingException.class)
        .hasMessageContaining("run a patrol first");
  }

  private static IndexedPage platformPage(
      String url, String text, List<String> ads, String operator, String county, String fetched) {
    String host = url.replaceFirst("https?://", "").replaceFirst("/.*", "");
    return new IndexedPage(
        url, host, "", text, ads, operator, county, Instant.parse(fetched), null, null, null);
  }

  @Test
  void adTextsAndOperatorNamesAreSearchableAndReturned() throws IOException {
    index.upsert(
        platformPage(
            "http://portal.test/news",
            "本地新闻：今日天气晴。",
            List.of("汇通宝：月月分红，稳赚不赔"),
            null,
            null,
            "2026-11-20T08:00:00Z"));
    index.upsert(
        platformPage(
            "http://huitong.test/about",
            "关于我们",
            List.of(),
            "鹤壁汇通网络科技有限公司",
            "淇滨区",
            "2026-11-20T08:00:00Z"));
    index.commit();

    assertThat(index.search(SearchRequest.of("月月分红", 10)).hits())
        .extracting(SearchHit::url)
        .containsExactly("http://portal.test/news");
    SearchHit operator = index.search(SearchRequest.of("汇通网络科技", 10)).hits().get(0);
    assertThat(operator.url()).isEqualTo("http://huitong.test/about");
    assertThat(operator.operator()).isEqualTo("鹤壁汇通网络科技有限公司");
    assertThat(operator.county()).isEqualTo("淇滨区");
    assertThat(index.search(SearchRequest.of("关于我们", 10).withCounty("淇滨区")).totalHits())
        .isEqualTo(1);
    assertThat(index.search(SearchRequest.of("关于我们", 10).withCounty("山城区")).totalHits()).isZero();
  }

  @Test
  void facetsCountEveryMatchingPageByLabelHostCountyAndMonth() throws IOException {
    index.upsert(
        platformPage(
            "http://xinsheng.test/products",
            "保本保息的理财产品",
            List.of(),
            null,
            "淇滨区",
            "2026-10-05T08:00:00Z"));
    index.setLabels("http://xinsheng.test/", Set.of("GUARANTEED_RETURN", "HIGH_YIELD"), 80);
    index.setLabels("http://xinsheng.test/products", Set.of("GUARANTEED_RETURN"), 80);
    index.commit();

    SearchResult result = index.search(SearchRequest.of("保本保息", 1).withFacets());

    assertThat(result.totalHits()).isEqualTo(3);
    assertThat(result.hits()).hasSize(1);
    assertThat(result.facets().get("label"))
        .containsExactly(
            new SearchResult.FacetCount("GUARANTEED_RETURN", 2),
            new SearchResult.FacetCount("HIGH_YIELD", 1));
    assertThat(result.facets().get("host"))
        .containsExactly(
            new SearchResult.FacetCount("xinsheng.test", 2),
            new SearchResult.FacetCount("news.test", 1));
    assertThat(result.facets().get("county"))
        .containsExactly(new SearchResult.FacetCount("淇滨区", 1));
    assertThat(result.facets().get("month"))
        .containsExactly(
            new SearchResult.FacetCount("2026-11", 2), new SearchResult.FacetCount("2026-10", 1));
    // Without asking, no counting.
    assertThat(index.search(SearchRequest.of("保本保息", 1)).facets()).isEmpty();
  }

  @Test
  void dateRangesOrdersAndPagesOfHits() throws IOException {
    for (int day = 1; day <= 5; day++) {
      index.upsert(
          platformPage(
              "http://licai.test/" + day,
              "高收益理财第" + day + "期",
              List.of(),
              null,
              null,
              "2026-10-0" + day + "T08:00:00Z"));
      index.setLabels("http://licai.test/" + day, Set.of(), day * 10);
    }
    index.commit();
    SearchRequest request = SearchRequest.of("高收益理财", 2);

    SearchResult byDate = index.search(request.orderBy(SearchRequest.Order.DATE));
    assertThat(byDate.totalHits()).isEqualTo(5);
    assertThat(byDate.hits())
        .extracting(SearchHit::url)
        .containsExactly("http://licai.test/5", "http://licai.test/4");
    assertThat(index.search(request.orderBy(SearchRequest.Order.DATE).page(4, 2)).hits())
        .extracting(SearchHit::url)
        .containsExactly("http://licai.test/1");
    assertThat(index.search(request.orderBy(SearchRequest.Order.RISK).page(0, 3)).hits())
        .extracting(SearchHit::risk)
        .containsExactly(50, 40, 30);
    SearchResult early =
        index.search(
            request.fetchedBetween(
                Instant.parse("2026-10-02T00:00:00Z"), Instant.parse("2026-10-04T00:00:00Z")));
    assertThat(early.hits())
        .extracting(SearchHit::url)
        .containsExactlyInAnyOrder("http://licai.test/2", "http://licai.test/3");
    assertThatThrownBy(() -> SearchRequest.of("x", 10).page(9_995, 10))
        .hasMessageContaining("10000");
  }

  @Test
  void moreLikeThisFindsPagesOfTheSameTemplateButNotThePageItself() throws IOException {
    String template = "鑫盛理财，本平台承诺保本保息，年化收益15%，立即投资。注册即送体验金，资金由银行存管，";
    index.upsert(page("http://copy1.test/", "鑫盛理财", template + "客服热线400-800-0001。"));
    index.upsert(page("http://copy2.test/", "鑫盛理财", template + "客服热线400-800-0002。"));
    index.commit();

    SearchResult like = index.moreLikeThis("http://copy1.test/", SearchRequest.of("*", 3));

    assertThat(like.hits()).extracting(SearchHit::url).doesNotContain("http://copy1.test/");
    assertThat(like.hits().get(0).url()).isEqualTo("http://copy2.test/");
    assertThat(like.hits()).extracting(SearchHit::url).doesNotContain("http://bank.test/");
    assertThat(index.moreLikeThis("http://none.test/", SearchRequest.of("*", 3)).hits()).isEmpty();
  }

  @Test
  void hostRiskIsSetOnEveryPageOfTheHost() throws IOException {
    index.upsert(page("http://xinsheng.test/products", "产品", "保本保息，稳赚不赔。"));
    index.setHostRisk("xinsheng.test", 75);
    index.commit();

    SearchResult byRisk =
        index.search(SearchRequest.of("保本保息", 10).orderBy(SearchRequest.Order.RISK));

    assertThat(byRisk.hits())
        .extracting(SearchHit::host, SearchHit::risk)
        .containsExactly(
            tuple("xinsheng.test", 75), tuple("xinsheng.test", 75), tuple("news.test", 0));
  }

  @Test
  void totalHitsAreExactBeyondLuceneCountingThreshold() throws IOException {
    for (int i = 0; i < 1500; i++) {
      index.upsert(page("http://many.test/" + i, "", "第" + i + "期高收益理财，欢迎咨询。"));
    }
    index.commit();

    assertThat(index.search(SearchRequest.of("高收益理财", 10)).totalHits()).isEqualTo(1500);
  }
}
