package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.finpatrol.crawler.CrawlProgress;
import org.finpatrol.crawler.FetchStatus;
import org.finpatrol.crawler.FetchedPage;
import org.junit.jupiter.api.Test;

class CrawlProgressTest {

  private static final FetchedPage LAST =
      FetchedPage.withoutContent(
          "http://xinsheng.test/p/9", 1, null, FetchStatus.OK, 200, null, "text/html", null);

  private static LongAdder count(long n) {
    LongAdder a = new LongAdder();
    a.add(n);
    return a;
  }

  @Test
  void aProgressLineHasCountsQueueRateTimeLeftAndHosts() {
    String line =
        CrawlTasklet.line(
            "crawl",
            count(90),
            count(10),
            Map.of("xinsheng.test", count(60), "huitong.test", count(40)),
            new CrawlProgress(40, Set.of("huitong.test")),
            LAST,
            500,
            20_000);
    assertThat(line)
        .isEqualTo(
            "crawl: 90 fetched, 10 failed, 40 queued (at most 500 pages), 5.0 pages/s, about 8 s"
                + " for the queued pages; 2 host(s): xinsheng.test 60, huitong.test 40 (given"
                + " up); last http://xinsheng.test/p/9");
  }

  @Test
  void manyHostsAreCountedAndTheTimeLeftStopsAtThePageLimit() {
    String line =
        CrawlTasklet.line(
            "crawl",
            count(95),
            count(0),
            Map.of(
                "a.test", count(50),
                "b.test", count(20),
                "c.test", count(15),
                "d.test", count(9),
                "e.test", count(1)),
            new CrawlProgress(1000, Set.of("e.test")),
            LAST,
            100,
            19_000);
    assertThat(line)
        .contains("1000 queued (at most 100 pages), 5.0 pages/s, about 1 s for the queued pages")
        .contains("5 host(s): a.test 50, b.test 20, c.test 15, 2 more; given up: e.test;");
  }

  @Test
  void nothingQueuedMeansNoEstimate() {
    String line =
        CrawlTasklet.line(
            "crawl",
            count(3),
            count(0),
            Map.of("a.test", count(3)),
            CrawlProgress.NOT_RUNNING,
            LAST,
            100,
            0);
    assertThat(line).contains("0 queued").doesNotContain("about").contains("1 host(s): a.test 3;");
  }
}
