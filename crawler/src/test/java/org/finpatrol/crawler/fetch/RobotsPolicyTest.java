package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.SleepycatWebURLFactory;
import edu.uci.ics.crawler4j.url.WebURL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** robots.txt matching for the agent FinPatrol, table-driven from RFC 9309's rules; lookups. */
class RobotsPolicyTest {

  @ParameterizedTest(name = "{3}: {1}")
  @CsvFileSource(resources = "/robots/rfc9309-cases.csv", delimiter = '|', commentCharacter = '#')
  void matchesLikeRfc9309(String robots, String path, boolean allowed, String why) {
    var rules =
        RobotsPolicy.parse(
            "http://site.test/robots.txt",
            robots.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8),
            "FinPatrol");
    assertThat(rules.isAllowed("http://site.test" + path)).as(why).isEqualTo(allowed);
  }

  @Test
  void aLookupThatFailsWithAnErrorLeavesNoOneWaitingForIt() throws Exception {
    CrawlConfig config = new CrawlConfig();
    AtomicInteger lookups = new AtomicInteger();
    PageFetcher fetcher =
        new PageFetcher(config, Crawler4jParts.normalizer()) {
          @Override
          public PageFetchResult fetchPage(WebURL url) {
            if (lookups.incrementAndGet() == 1) {
              throw new OutOfMemoryError("robots.txt too much for the heap"); // as under pressure
            }
            PageFetchResult none = new PageFetchResult(false);
            none.setStatusCode(404);
            return none;
          }
        };
    RobotsPolicy robots = new RobotsPolicy(fetcher, new SleepycatWebURLFactory(), "FinPatrol");
    assertThatThrownBy(() -> robots.verdict("http://licai.test/1.html"))
        .isInstanceOf(OutOfMemoryError.class);
    // The next thread asking for the same origin looks it up again instead of waiting for ever.
    RobotsPolicy.Verdict verdict =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> robots.verdict("http://licai.test/2.html"));
    assertThat(verdict.source()).isEqualTo(RobotsPolicy.Source.NO_ROBOTS_TXT);
    assertThat(lookups).hasValue(2);
    fetcher.shutDown();
  }
}
