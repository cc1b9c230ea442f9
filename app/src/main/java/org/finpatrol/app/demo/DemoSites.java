package org.finpatrol.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.finpatrol.app.SuppressForbidden;
import org.finpatrol.classifier.licence.LicenceRegistry;

/**
 * Serves the bundled demo sites (fictional platforms, a news portal with an ad, a compliant bank)
 * from the classpath on 127.0.0.1, one port, telling sites apart by the Host header. Links between
 * demo sites are rewritten to carry the port. The patrol reaches these host names through crawler
 * host overrides, so no DNS or hosts-file change is needed.
 */
@SuppressForbidden(
    reason =
        "com.sun.net.httpserver is the JDK's exported, supported HTTP server API"
            + " (module jdk.httpserver), enough for a handful of static demo pages")
public final class DemoSites implements AutoCloseable {

  /** The demo hosts, as named in the bundled pages. */
  public static final List<String> HOSTS =
      List.of("hecheng-news.test", "xinsheng-licai.test", "huitong-p2p.test", "hebi-bank.test");

  /** The port tried first, so demo URLs stay the same from one run to the next. */
  public static final int PREFERRED_PORT = 18090;

  private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/-]*");
  private static final String ROOT = "demo/sites/";

  private final HttpServer server;
  private final ExecutorService executor;
  private final int port;

  private DemoSites(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    this.port = server.getAddress().getPort();
  }

  /** Starts on {@link #PREFERRED_PORT}, or any free port when that one is taken. */
  public static DemoSites start() throws IOException {
    HttpServer server;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      server = HttpServer.create(new InetSocketAddress(loopback, PREFERRED_PORT), 0);
    } catch (BindException taken) {
      server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    }
    ExecutorService executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    DemoSites sites = new DemoSites(server, executor);
    server.createContext("/", sites::handle);
    server.start();
    return sites;
  }

  public int port() {
    return port;
  }

  /** The demo seed URLs, with this server's port. */
  public List<String> seeds() throws IOException {
    List<String> seeds = new ArrayList<>();
    try (InputStream in = resource("demo/seeds.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#")) {
          seeds.add(withPort(s));
        }
      }
    }
    return seeds;
  }

  /**
   * The demo's licence registry rows: its fictional bank (hebi-bank.test) is licensed, so its
   * product page is marketing by a licensed firm, not an unlicensed solicitation.
   */
  public static LicenceRegistry licences() throws IOException {
    try (InputStream in = resource("demo/licences.csv")) {
      return LicenceRegistry.parse(
          "demo/licences.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Host overrides that send the demo host names to this server. */
  public Map<String, String> hostOverrides() {
    Map<String, String> overrides = new java.util.LinkedHashMap<>();
    HOSTS.forEach(h -> overrides.put(h, "127.0.0.1"));
    return overrides;
  }

  private String withPort(String text) {
    return withPort(text, port);
  }

  private static String withPort(String text, int port) {
    String out = text;
    for (String host : HOSTS) {
      out = out.replace("http://" + host + "/", "http://" + host + ":" + port + "/");
    }
    return out;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String hostHeader = exchange.getRequestHeaders().getFirst("Host");
      String host =
          hostHeader == null ? "" : hostHeader.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
      String path = exchange.getRequestURI().getPath();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      if (!HOSTS.contains(host)
          || path == null
          || !SAFE_PATH.matcher(path).matches()
          || path.contains("..")) {
        send(
            exchange,
            404,
            "text/plain; charset=utf-8",
            "not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String file = path.equals("/") ? "index.html" : path.substring(1);
      InputStream in = resource(ROOT + host + "/" + file);
      if (in == null) {
        send(
            exchange,
            404,
            "text/plain; charset=utf-8",
            "not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body;
      try (in) {
        body = in.readAllBytes();
      }
      String type =
          file.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html; charset=utf-8";
      if (file.endsWith(".html")) {
        body = withPort(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      }
      send(exchange, 200, type, method.equals("HEAD") ? null : body);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Server", "FinPatrol-demo");
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static InputStream resource(String name) {
    return DemoSites.class.getClassLoader().getResourceAsStream(name);
  }

  /**
   * The body a demo server on {@code port} sends for a path of a host (what evidence must hold).
   */
  public static byte[] body(String host, String path, int port) throws IOException {
    String file = path.isEmpty() || path.equals("/") ? "index.html" : path.substring(1);
    try (InputStream in = resource(ROOT + host + "/" + file)) {
      if (in == null) {
        throw new IOException("no demo page " + host + path);
      }
      byte[] raw = in.readAllBytes();
      return file.endsWith(".html")
          ? withPort(new String(raw, StandardCharsets.UTF_8), port).getBytes(StandardCharsets.UTF_8)
          : raw;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
