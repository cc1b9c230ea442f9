package org.finpatrol.app.patrol;

import java.io.IOException;
import java.util.List;
import org.finpatrol.indexer.IndexedPage;
import org.finpatrol.indexer.PageIndex;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a chunk of fetched pages to the index, with their ads' creative texts and the operator
 * named on the page, and commits, so pages are searchable as soon as their chunk is done.
 * Re-writing a page replaces it (the index is keyed by URL), which makes a restarted chunk
 * harmless.
 */
final class IndexWriter implements ItemWriter<StoredPage> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PageIndex index;
  private final PatrolStore store;

  IndexWriter(PageIndex index, PatrolStore store) {
    this.index = index;
    this.store = store;
  }

  @Override
  public void write(Chunk<? extends StoredPage> pages) throws IOException {
    for (StoredPage p : pages) {
      List<String> ads = store.ads(p.id()).stream().map(StoredAd::text).toList();
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
    }
    index.commit();
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
