package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import edu.uci.ics.crawler4j.frontier.DocIDServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RememberedDocIdsTest {

  /** A store of ids in a map that counts the questions it is asked. */
  private static final class CountingStore implements DocIDServer {
    final Map<String, Integer> ids = new HashMap<>();
    int asked;

    @Override
    public synchronized int getDocId(String url) {
      asked++;
      return ids.getOrDefault(url, -1);
    }

    @Override
    public synchronized int getNewDocID(String url) {
      asked++;
      return ids.computeIfAbsent(url, u -> ids.size() + 1);
    }

    @Override
    public synchronized void addUrlAndDocId(String url, int docId) {
      ids.put(url, docId);
    }

    @Override
    public synchronized boolean isSeenBefore(String url) {
      asked++;
      return ids.containsKey(url);
    }

    @Override
    public int getDocCount() {
      return ids.size();
    }

    @Override
    public void close() {}
  }

  @Test
  void anIdOnceHandedOutIsAnsweredFromMemoryAndAnUnknownUrlIsAskedAgain() {
    CountingStore store = new CountingStore();
    RememberedDocIds ids = new RememberedDocIds(store);
    String page = "http://鑫盛理财.cn/产品/1";

    assertThat(ids.getDocId(page)).isEqualTo(-1);
    assertThat(ids.getDocId(page)).isEqualTo(-1); // no id yet: not remembered
    assertThat(store.asked).isEqualTo(2);

    int id = ids.getNewDocID(page);
    assertThat(id).isPositive();
    int asked = store.asked;
    for (int i = 0; i < 10; i++) {
      assertThat(ids.getDocId(page)).isEqualTo(id);
      assertThat(ids.isSeenBefore(page)).isTrue();
    }
    assertThat(store.asked).isEqualTo(asked);

    ids.addUrlAndDocId("http://鑫盛理财.cn/产品/2", 7);
    assertThat(ids.getDocId("http://鑫盛理财.cn/产品/2")).isEqualTo(7);
    assertThat(store.ids).containsEntry("http://鑫盛理财.cn/产品/2", 7);
    assertThat(ids.getDocCount()).isEqualTo(2);
  }

  @Test
  void pastItsLimitItStartsAgainEmptyAndTheStoreStillAnswers() {
    CountingStore store = new CountingStore();
    RememberedDocIds ids = new RememberedDocIds(store);
    for (int i = 0; i <= RememberedDocIds.MAX; i++) {
      ids.getNewDocID("http://鑫盛理财.cn/p/" + i);
    }
    int asked = store.asked;
    // The first URL was forgotten when the memory filled: the store answers, with the same id.
    assertThat(ids.getDocId("http://鑫盛理财.cn/p/0")).isEqualTo(1);
    assertThat(store.asked).isEqualTo(asked + 1);
    assertThat(ids.getDocId("http://鑫盛理财.cn/p/0")).isEqualTo(1);
    assertThat(store.asked).isEqualTo(asked + 1);
  }
}
