package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.finpatrol.classifier.Classification;
import org.finpatrol.indexer.IndexedPage;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.SearchHit;
import org.finpatrol.indexer.SearchRequest;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The classify step's writer puts a page's labels on the index; a page an earlier attempt labelled
 * differently (the licence registry reloaded, a rule was edited) must not keep the old label.
 */
class ClassifyWriterTest {

  private static final String GUARANTEED = "GUARANTEED_RETURN";

  @TempDir Path dir;
  private PageIndex index;
  private PatrolStore store;
  private long ids;

  @BeforeEach
  void open() throws Exception {
    JdbcDataSource db = PatrolFixtures.database("classify");
    store = new PatrolStore(db, Clock.systemUTC());
    index =
        PageIndex.openForWriting(
            dir, new Segmenter(FinanceDictionary.of("保本保息")), Set.of(GUARANTEED, "HIGH_YIELD"));
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @Test
  void pagesGetTheLabelsTheyHaveInEveryChunk() throws Exception {
    StoredPage first = indexed("http://xinsheng.test/a");
    StoredPage second = indexed("http://xinsheng.test/b");
    StoredPage third = indexed("http://xinsheng.test/c");
    ClassifyWriter writer = new ClassifyWriter(store, index, false);
    writer.open(new ExecutionContext());
    writer.write(Chunk.of(classified(first, true)));
    writer.write(Chunk.of(classified(second, false), classified(third, true)));
    assertThat(labelled()).containsExactlyInAnyOrder(first.url(), third.url());
  }

  @Test
  void theFirstChunkOfAStepClearsLabelsAnEarlierAttemptLeft() throws Exception {
    StoredPage page = indexed("http://xinsheng.test/");
    index.setLabels(page.url(), Set.of(GUARANTEED), 0); // committed before the attempt failed
    index.commit();
    assertThat(labelled()).containsExactly(page.url());

    // A crash in the first chunk leaves no trace in the step's saved state: every step execution
    // treats its first chunk as possibly done before.
    ClassifyWriter writer = new ClassifyWriter(store, index, false);
    writer.open(new ExecutionContext());
    writer.write(Chunk.of(classified(page, false)));
    assertThat(labelled()).isEmpty();
  }

  @Test
  void aResumedPartitionPhaseClearsOldLabelsInEveryChunk() throws Exception {
    StoredPage first = indexed("http://xinsheng.test/a");
    StoredPage second = indexed("http://xinsheng.test/b");
    index.setLabels(first.url(), Set.of(GUARANTEED), 0);
    index.setLabels(second.url(), Set.of(GUARANTEED), 0);
    index.commit();

    ClassifyWriter writer = new ClassifyWriter(store, index, true);
    writer.open(new ExecutionContext());
    writer.write(Chunk.of(classified(first, false)));
    writer.write(Chunk.of(classified(second, false)));
    assertThat(labelled()).isEmpty();
  }

  private StoredPage indexed(String url) throws Exception {
    StoredPage page = PatrolFixtures.storedPage(++ids, url, "鑫盛理财", "本平台承诺保本保息。");
    index.upsert(
        new IndexedPage(
            url,
            page.host(),
            page.title(),
            page.text(),
            List.of(),
            null,
            null,
            page.fetchedAt(),
            page.warcFile(),
            page.recordId(),
            page.sha256()));
    index.commit();
    return page;
  }

  private static ClassifiedPage classified(StoredPage page, boolean guaranteed) {
    return new ClassifiedPage(
        page,
        new Classification(page.url(), guaranteed, false, List.of(), List.of(), "PRODUCT", null),
        Map.of());
  }

  private List<String> labelled() throws Exception {
    return index.search(SearchRequest.of("保本保息", 10).withLabels(Set.of(GUARANTEED))).hits().stream()
        .map(SearchHit::url)
        .toList();
  }
}
