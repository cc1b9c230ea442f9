package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.finpatrol.crawler.FetchStatus;
import org.finpatrol.crawler.FetchedPage;
import org.junit.jupiter.api.Test;

class CrawlProgressTest {

  @Test
  void aProgressLineHasCountsRateAndTheTimeLeftToTheLimit() {
    LongAdder ok = new LongAdder();
    ok.add(90);
    LongAdder failed = new LongAdder();
    failed.add(10);
    FetchedPage last =
        FetchedPage.withoutContent(
            "http://xinsheng.test/p/9", 1, null, FetchStatus.OK, 200, null, "text/html", null);
    String line =
        CrawlTasklet.line(ok, failed, Set.of("xinsheng.test", "huitong.test"), last, 500, 20_000);
    assertThat(line)
        .isEqualTo(
            "crawl: 90 fetched, 10 failed of at most 500, 2 host(s), 5.0 pages/s, at most 80 s"
                + " to the page limit; last http://xinsheng.test/p/9");
  }
}
