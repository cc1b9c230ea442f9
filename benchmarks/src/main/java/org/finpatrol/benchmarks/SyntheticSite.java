package org.finpatrol.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A generated Chinese financial site for crawl benchmarks: {@code pages} pages per host over {@code
 * hosts} host names ({@code site0.bench}, ...), about 3 KB each with ten links to other pages of
 * the same host, served on loopback with keep-alive by the JDK's HTTP server. Its paragraphs are
 * six sentences, each numbered, so that no line repeats. Page {@code i} links to {@code i+1} so
 * every page is reachable from {@code /p/0}. robots.txt answers 404.
 *
 * <p>With {@code -Dfinpatrol.site=corpus} the pages are like real financial sites' instead: an
 * article of 12 paragraphs composed of the development corpus's sentences, none the same on two
 * pages (about 1,900 characters of text, so 6–7 KB), in the same template on every page (a menu, a
 * risk notice, a service line and a footer naming a company, an address, a phone number and an ICP
 * number), with the same links.
 */
final class SyntheticSite implements AutoCloseable {

  private static final String[] SENTENCES = {
    "本平台承诺保本保息，年化收益百分之十二，欢迎咨询。",
    "理财非存款，产品有风险，投资须谨慎。",
    "鹤壁市互联网金融风险专项整治工作持续推进。",
    "出借人资金由银行存管，平台不设资金池。",
    "新手专享月月盈计划，一百元起投，收益每日到账。",
    "警方提醒：谨防以高额回报为诱饵的非法集资。"
  };

  static {
    // The JDK server writes headers and body apart; with Nagle's algorithm on, the body then waits
    // for the client's delayed ACK (40 ms on Linux), which capped one connection at ~25 pages/s.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * What every page of a corpus site shows above its article: a menu and a risk notice, about 110
   * characters. With the footer and the links below the article, the template is about a tenth of a
   * page's text, less than on most real sites' pages (product lists are mostly template).
   */
  private static final String TEMPLATE_TOP =
      "<ul class=\"menu\"><li>投资理财</li><li>借款申请</li><li>信息披露</li><li>安全保障</li>"
          + "<li>新手指引</li><li>关于我们</li><li>帮助中心</li></ul>"
          + "<div class=\"notice\">风险提示：市场有风险，投资需谨慎。平台展示的历史收益不代表未来表现，"
          + "出借人应根据自身风险承受能力审慎决策。</div>";

  private static final String TEMPLATE_BOTTOM =
      "<div class=\"service\">客服热线：400-820-8820 工作时间：周一至周五 9:00-18:00</div>";

  private final HttpServer server;
  private final ExecutorService executor;
  private final int pages;
  private final int hosts;
  private final int salt;

  /**
   * The corpus's sentences for pages like real sites' ({@code -Dfinpatrol.site=corpus}), or null.
   */
  private final String[] corpus;

  SyntheticSite(int pages, int hosts) throws IOException {
    this(pages, hosts, InetAddress.getLoopbackAddress());
  }

  SyntheticSite(int pages, int hosts, InetAddress address) throws IOException {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("a benchmark site stays on loopback, not " + address);
    }
    this.pages = pages;
    this.hosts = hosts;
    // Sites on other loopback addresses (scaleout.sh: 127.0.0.2, ...) get pages of their own, so
    // that no line repeats across hosts either; 127.0.0.1's are as they always were.
    byte[] ip = address.getAddress();
    this.salt = Math.max(0, (ip[ip.length - 1] & 0xff) - 1);
    this.corpus =
        "corpus".equals(System.getProperty("finpatrol.site"))
            ? CorpusTexts.sentences(CorpusTexts.read())
            : null;
    server = HttpServer.create(new InetSocketAddress(address, 0), 256);
    executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Serves a site of {@code pages} pages on loopback until killed and prints its port: {@code java
   * -cp benchmarks.jar org.finpatrol.benchmarks.SyntheticSite PAGES [127.0.0.N]} (for {@code
   * e2e.sh}; {@code scaleout.sh} serves one host on each of several loopback addresses, so that a
   * patrol sees several hosts without name resolution).
   */
  public static void main(String[] args) throws Exception {
    InetAddress address =
        args.length > 1 ? InetAddress.getByName(args[1]) : InetAddress.getLoopbackAddress();
    SyntheticSite site = new SyntheticSite(Integer.parseInt(args[0]), 1, address);
    System.out.println(site.port());
    System.out.flush();
    Thread.currentThread().join();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<String> hostNames() {
    return java.util.stream.IntStream.range(0, hosts).mapToObj(i -> "site" + i + ".bench").toList();
  }

  List<String> seeds() {
    return hostNames().stream().map(h -> "http://" + h + ":" + port() + "/p/0").toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith("/p/")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      int id;
      try {
        id = Integer.parseInt(path.substring(3));
      } catch (NumberFormatException e) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (id < 0 || id >= pages) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      byte[] body = page(id).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The page {@code /p/id} as served (the analysis floor reads pages without HTTP). */
  String page(int id) {
    Random random = new Random(salt == 0 ? id : id + ((long) salt << 32));
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>理财产品第")
        .append(id)
        .append("页</title></head><body><div class=\"nav\"><a href=\"/p/0\">首页</a></div>");
    if (corpus == null) {
      for (int i = 0; i < 24; i++) {
        // Numbered, so that no two paragraphs of the site are the same line: a page's own text
        // does not repeat, and the segmenter remembers lines it sees again.
        html.append("<p>")
            .append(SENTENCES[random.nextInt(SENTENCES.length)])
            .append('（')
            .append((long) salt * pages * 24 + id * 24L + i)
            .append("）</p>");
      }
    } else {
      html.append(TEMPLATE_TOP);
      CorpusTexts.appendComposedParagraphs(html, corpus, random, 12);
      html.append(TEMPLATE_BOTTOM).append(CorpusTexts.FOOTER);
    }
    html.append("<ul>");
    html.append("<li><a href=\"/p/").append((id + 1) % pages).append("\">下一页</a></li>");
    for (int i = 0; i < 9; i++) {
      html.append("<li><a href=\"/p/")
          .append(random.nextInt(pages))
          .append("\">产品")
          .append(i)
          .append("</a></li>");
    }
    return html.append("</ul></body></html>").toString();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
