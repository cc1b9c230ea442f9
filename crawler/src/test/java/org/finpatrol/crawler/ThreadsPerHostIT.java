package org.finpatrol.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetch threads one host may occupy: a slow platform with many pages beside one with a single
 * page, on a server that counts the requests each host has in flight at once.
 */
class ThreadsPerHostIT {

  private static final int PAGES = 12;

  @TempDir Path work;
  private HttpServer server;
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> mostInFlight = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @org.finpatrol.crawler.SuppressForbidden(reason = "a slow server is what the test is about")
  private void answer(HttpExchange exchange) throws IOException {
    String host = exchange.getRequestHeaders().getFirst("Host").replaceFirst(":.*", "");
    int now = inFlight.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
    mostInFlight.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    try {
      String body;
      if (exchange.getRequestURI().getPath().equals("/robots.txt")) {
        body = "";
      } else {
        Thread.sleep(150);
        StringBuilder links = new StringBuilder("<html><title>理财产品</title><body>");
        for (int i = 0; host.equals("licai.test") && i < PAGES; i++) {
          links.append("<a href=\"/p/").append(i).append("\">产品").append(i).append("</a>");
        }
        body = links.append("</body></html>").toString();
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.get(host).decrementAndGet();
      exchange.close();
    }
  }

  @Test
  void aHostWithManyPagesNeverHasMoreThanItsShareOfTheThreads() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    CrawlSettings settings =
        CrawlSettings.builder(work.resolve("frontier"), work.resolve("evidence"))
            .limits(100, 1, 0)
            .allowPrivateNetwork(true)
            .threads(4)
            .threadsPerHost(2)
            .hostOverrides(Map.of("licai.test", loopback, "daikuan.test", loopback))
            .build();
    int port = server.getAddress().getPort();
    ConcurrentLinkedQueue<FetchedPage> pages = new ConcurrentLinkedQueue<>();

    new Crawler(settings)
        .crawl(
            List.of("http://licai.test:" + port + "/", "http://daikuan.test:" + port + "/"),
            "threads",
            pages::add);

    assertThat(pages).hasSize(PAGES + 2);
    // Four threads would all be on licai.test once daikuan.test's one page is done; two may.
    assertThat(mostInFlight.get("licai.test").get()).isEqualTo(2);
  }
}
