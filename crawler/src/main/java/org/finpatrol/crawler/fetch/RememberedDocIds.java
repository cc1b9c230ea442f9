package org.finpatrol.crawler.fetch;

import edu.uci.ics.crawler4j.frontier.DocIDServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * crawler4j's URL ids, with the ids already handed out remembered in memory. crawler4j asks for the
 * id of every link of every page, most of them seen before, and each question took the Sleepycat
 * store's lock and a B-tree search (a twelfth of the crawl threads' time). An id never changes once
 * given, so a remembered one is always right; a URL without an id is never remembered. At most
 * {@link #MAX} URLs are remembered; past that the memory starts again empty, so the heap does not
 * grow with the crawl.
 */
final class RememberedDocIds implements DocIDServer {

  static final int MAX = 100_000;

  private final DocIDServer store;
  private final Map<String, Integer> ids = new ConcurrentHashMap<>();

  RememberedDocIds(DocIDServer store) {
    this.store = store;
  }

  @Override
  public int getDocId(String url) {
    Integer known = ids.get(url);
    if (known != null) {
      return known;
    }
    return remember(url, store.getDocId(url));
  }

  @Override
  public int getNewDocID(String url) {
    return remember(url, store.getNewDocID(url));
  }

  @Override
  public void addUrlAndDocId(String url, int docId) {
    store.addUrlAndDocId(url, docId);
    remember(url, docId);
  }

  @Override
  public boolean isSeenBefore(String url) {
    return ids.containsKey(url) || store.isSeenBefore(url);
  }

  @Override
  public int getDocCount() {
    return store.getDocCount();
  }

  @Override
  public void close() {
    ids.clear();
    store.close();
  }

  private int remember(String url, int id) {
    if (id > 0) {
      if (ids.size() >= MAX) {
        ids.clear();
      }
      ids.put(url, id);
    }
    return id;
  }
}
