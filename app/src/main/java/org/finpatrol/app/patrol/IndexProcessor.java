package org.finpatrol.app.patrol;

import java.io.IOException;
import java.util.List;
import org.finpatrol.indexer.IndexedPage;
import org.finpatrol.indexer.PageIndex;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds a fetched page to the index, with its ads' creative texts and the operator named on the
 * page. This is the index step's processor, not its writer, so that the costly part, segmenting the
 * text, runs on every core: the step processes a chunk's pages concurrently, and Lucene's writer
 * takes documents from several threads at once. The step's writer then commits the chunk ({@link
 * IndexCommit}). Re-adding a page replaces it (the index is keyed by URL), which makes a restarted
 * chunk harmless.
 */
final class IndexProcessor implements ItemProcessor<StoredPage, StoredPage> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PageIndex index;
  private final PatrolStore store;

  IndexProcessor(PageIndex index, PatrolStore store) {
    this.index = index;
    this.store = store;
  }

  @Override
  public StoredPage process(StoredPage p) throws IOException {
    List<String> ads = store.ads(p).stream().map(StoredAd::text).toList();
    index.upsert(
        new IndexedPage(
            p.url(),
            p.host(),
            p.title(),
            p.text(),
            ads,
            operator(p.factsJson()),
            // The county comes with the review stage's placement of operators (not yet).
            null,
            p.fetchedAt(),
            p.warcFile(),
            p.recordId(),
            p.sha256()));
    return p;
  }

  /** The first company the page names as its operator, from the stored facts; null if none. */
  static String operator(String factsJson) {
    if (factsJson == null || factsJson.isBlank()) {
      return null;
    }
    try {
      JsonNode companies = JSON.readTree(factsJson).path("companies");
      return companies.isArray() && !companies.isEmpty() ? companies.get(0).asString() : null;
    } catch (JacksonException e) {
      return null;
    }
  }
}
