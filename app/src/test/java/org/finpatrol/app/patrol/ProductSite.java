package org.finpatrol.app.patrol;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.cli.Cli;
import org.finpatrol.app.cli.Console;

/**
 * A small wealth-management site for the tests that interrupt patrols: an index linking {@code
 * pages} product pages, each answered after {@code delayMs} so a patrol is caught mid-crawl; every
 * fourth promises 保本保息, which makes one case for the host.
 */
public final class ProductSite {

  private ProductSite() {}

  static WireMockServer start(int pages, int delayMs) {
    WireMockServer site =
        new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    site.start();
    StringBuilder index = new StringBuilder("<title>鑫盛理财产品列表</title><ul>");
    for (int i = 1; i <= pages; i++) {
      index.append("<li><a href=\"/p/").append(i).append("\">产品").append(i).append("</a></li>");
      String body =
          i % 4 == 0
              ? "<title>稳盈" + i + "号</title><p>本产品保本保息，年化收益15%，立即投资！</p>"
              : "<title>产品" + i + "号</title><p>理财产品介绍第" + i + "期，详情请咨询客服。</p>";
      site.stubFor(
          get(urlEqualTo("/p/" + i))
              .willReturn(
                  aResponse()
                      .withFixedDelay(delayMs)
                      .withHeader("Content-Type", "text/html; charset=utf-8")
                      .withBody(body)));
    }
    site.stubFor(
        get(urlEqualTo("/"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(index + "</ul>")));
    return site;
  }

  /** {@code finpatrol patrol} of the whole site, loopback allowed, no politeness delay. */
  static List<String> patrolArgs(WireMockServer site, Path data) {
    return List.of(
        "--data",
        data.toString(),
        "--config",
        Path.of("../config").toAbsolutePath().toString(),
        "patrol",
        "--seed",
        "http://127.0.0.1:" + site.port() + "/",
        "--allow-private-network",
        "--politeness-ms",
        "0",
        "--max-depth",
        "1");
  }

  /** What a patrol left in its database, to compare an interrupted patrol with a clean one. */
  static Map<String, Long> counts(Connection c) throws Exception {
    return Map.of(
        "runs", one(c, "SELECT COUNT(*) FROM patrol_run"),
        "pages", one(c, "SELECT COUNT(*) FROM page"),
        "distinct_pages", one(c, "SELECT COUNT(DISTINCT url_hash) FROM page"),
        "findings", one(c, "SELECT COUNT(*) FROM finding"),
        "cases", one(c, "SELECT COUNT(*) FROM review_case"),
        "executions", one(c, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION"));
  }

  private static long one(Connection c, String sql) throws Exception {
    try (var s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs the command line in this JVM; returns exit code and both streams. */
  public static String[] cli(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Cli.run(
            new Console(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)),
            args.toArray(String[]::new));
    return new String[] {
      Integer.toString(exit),
      out.toString(StandardCharsets.UTF_8),
      err.toString(StandardCharsets.UTF_8)
    };
  }
}
