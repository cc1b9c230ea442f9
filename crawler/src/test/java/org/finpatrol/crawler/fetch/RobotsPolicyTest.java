package org.finpatrol.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** robots.txt matching for the agent FinPatrol, table-driven from RFC 9309's rules. */
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
}
