package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.url.WebURL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedSleepycatFrontierTest {

  @TempDir Path work;

  private BoundedSleepycatFrontier open() {
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(work.toString());
    config.setResumableCrawling(false);
    return new BoundedSleepycatFrontier(config);
  }

  @Test
  void refusesWritesOnlyWhenTheDiskIsAlmostFullNotBelowJesFiveGigabytes() {
    BoundedSleepycatFrontier frontier = open();
    try {
      assertThat(frontier.freeDiskLimit())
          .isEqualTo(BoundedSleepycatFrontier.FREE_DISK_BYTES)
          .isLessThan(256L << 20); // the patrol's own limit, which stops a crawl first
    } finally {
      frontier.getFrontier().close();
      frontier.getDocIDServer().close();
      frontier.close();
    }
  }

  @Test
  void anEmptyQueueHandsOutNothingAndReturnsInsteadOfWaiting() {
    BoundedSleepycatFrontier frontier = open();
    try {
      WebURL url = frontier.getWebURLFactory().newWebUrl();
      url.setURL("http://licai.test/1");
      url.setDocid(frontier.getDocIDServer().getNewDocID(url.getURL()));
      frontier.getFrontier().schedule(url);
      List<WebURL> taken = new ArrayList<>();
      List<WebURL> none = new ArrayList<>();
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            frontier.getFrontier().getNextURLs(50, taken);
            frontier.getFrontier().getNextURLs(50, none); // crawler4j's waits here for ever
          });
      assertThat(taken).extracting(WebURL::getURL).containsExactly("http://licai.test/1");
      assertThat(none).isEmpty();
    } finally {
      frontier.getFrontier().close();
      frontier.getDocIDServer().close();
      frontier.close();
    }
  }
}
