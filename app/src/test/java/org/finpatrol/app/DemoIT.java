package org.finpatrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.finpatrol.app.cli.Cli;
import org.finpatrol.app.cli.Console;
import org.finpatrol.app.demo.DemoSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "must show", in-process: {@code demo} patrols the bundled sites, then {@code search
 * 保本保息 --json} finds the offending page with a marked snippet and {@code cases --json} lists the
 * platform with GUARANTEED_RETURN and evidence whose sha256 is that of the body served.
 */
class DemoIT {

  // Removed by removeData() (TestData says why).
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
  Path data;

  @org.junit.jupiter.api.AfterEach
  void removeData() throws Exception {
    TestData.remove(data);
  }

  private String[] args(String... rest) {
    String[] all = new String[rest.length + 4];
    all[0] = "--data";
    all[1] = data.toString();
    all[2] = "--config";
    all[3] = "../config";
    System.arraycopy(rest, 0, all, 4, rest.length);
    return all;
  }

  private static String[] run(String... args) {
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int exit =
        Cli.run(
            new Console(
                new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8)),
            args);
    return new String[] {
      Integer.toString(exit),
      out.toString(StandardCharsets.UTF_8),
      err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void demoThenSearchThenCases() throws Exception {
    String[] demo = run(args("demo", "--no-serve"));
    assertThat(demo[0]).as(demo[1] + demo[2]).isEqualTo("0");
    assertThat(demo[1])
        .contains("COMPLETED")
        .contains("xinsheng-licai.test")
        .contains("GUARANTEED_RETURN");
    assertThat(demo[1])
        .doesNotContain("site hebi-bank.test")
        .doesNotContain("site hecheng-news.test");

    String[] search = run(args("search", "保本保息", "--json"));
    assertThat(search[0]).isEqualTo("0");
    JsonMapper json = JsonMapper.builder().build();
    List<JsonNode> hits = search[1].lines().map(json::readTree).toList();
    assertThat(hits)
        .anySatisfy(
            hit -> {
              assertThat(hit.get("host").asString()).isEqualTo("xinsheng-licai.test");
              assertThat(hit.get("snippet").asString()).contains("<em>保本保息</em>");
              assertThat(hit.get("categories").toString()).contains("GUARANTEED_RETURN");
            });

    // Facets count every match; riskiest first.
    String[] faceted = run(args("search", "保本保息", "--json", "--facets", "--sort", "risk"));
    assertThat(faceted[0]).as(faceted[2]).isEqualTo("0");
    List<JsonNode> lines = faceted[1].lines().map(json::readTree).toList();
    JsonNode facets = lines.get(lines.size() - 1).get("facets");
    assertThat(facets.get("category").toString()).contains("\"value\":\"GUARANTEED_RETURN\"");
    assertThat(facets.get("host").toString()).contains("xinsheng-licai.test");
    assertThat(lines.get(0).get("host").asString()).isEqualTo("xinsheng-licai.test");

    String[] cases = run(args("cases", "--json"));
    assertThat(cases[0]).isEqualTo("0");
    List<JsonNode> list = cases[1].lines().map(json::readTree).toList();
    JsonNode site =
        list.stream()
            .filter(
                c ->
                    c.get("host").asString().equals("xinsheng-licai.test")
                        && c.get("kind").asString().equals("site"))
            .findFirst()
            .orElseThrow();
    assertThat(site.get("categories").toString()).contains("GUARANTEED_RETURN");
    assertThat(list).noneMatch(c -> c.get("host").asString().equals("hebi-bank.test"));
    assertThat(site.get("escalation").asString()).startsWith("red band");
    // The banner ad on the platform's page is a case of its own, for market supervision.
    assertThat(list)
        .filteredOn(c -> c.get("kind").asString().equals("ad"))
        .singleElement()
        .satisfies(
            ad -> {
              assertThat(ad.get("categories").toString()).contains("UNLICENSED_SOLICITATION");
              assertThat(ad.get("units").toString()).contains("market");
            });

    // The same cases for a person: county, escalation, one block a case.
    String[] human = run(args("cases", "--escalated"));
    assertThat(human[0]).as(human[2]).isEqualTo("0");
    assertThat(human[1])
        .contains("xinsheng-licai.test")
        .contains("county 淇滨区")
        .contains("ESCALATED")
        .doesNotContain("hebi-bank.test");
    JsonNode evidence = site.get("evidence").get(0);
    int port = URI.create(site.get("url").asString()).getPort();
    // The body the demo server sent for the cited page is the body whose hash the case carries.
    byte[] served =
        DemoSites.body(
            "xinsheng-licai.test", URI.create(site.get("url").asString()).getPath(), port);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served));
    assertThat(
            list.stream()
                .flatMap(c -> c.get("evidence").valueStream())
                .map(e -> e.get("sha256").asString()))
        .contains(sha);
    assertThat(evidence.get("warc").asString()).endsWith(".warc.gz");
    assertThat(evidence.get("record_id").asString()).startsWith("<urn:uuid:");

    // The news portal's side ad for the platform is an ad case of its own, for market supervision,
    // citing the news page it was seen on.
    JsonNode ad =
        list.stream()
            .filter(c -> c.get("kind").asString().equals("ad"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no ad case in " + cases[1]));
    assertThat(ad.get("host").asString()).isEqualTo("xinsheng-licai.test");
    assertThat(ad.get("units").toString()).contains("market");
    byte[] newsPage = DemoSites.body("hecheng-news.test", "/", port);
    String newsSha =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(newsPage));
    assertThat(ad.get("evidence").valueStream().map(e -> e.get("sha256").asString()))
        .contains(newsSha);
  }
}
