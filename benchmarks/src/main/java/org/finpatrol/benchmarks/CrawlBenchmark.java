package org.finpatrol.benchmarks;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.frontier.SleepycatFrontierConfiguration;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.DnsResolver;
import org.finpatrol.crawler.CrawlSettings;
import org.finpatrol.crawler.CrawlSummary;
import org.finpatrol.crawler.Crawler;

/**
 * The crawl stage against a generated site on loopback, beside bare crawler4j crawling the same
 * site with the same threads and no politeness: FinPatrol's crawl does everything a patrol needs of
 * it (robots.txt, scope and trap guards, Jsoup extraction of text, ads and operator facts, WARC
 * evidence with SHA-256), bare crawler4j only fetches and parses. Then FinPatrol with politeness on
 * several hosts, against the ceiling Σ hosts × 1000 / delay pages per second.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.finpatrol.benchmarks.CrawlBenchmark
 * [pages] [runs]}; prints a table. Medians of {@code runs} runs (default 3); a crawl's end includes
 * crawler4j's shutdown checks (about 3 s), as a user sees it.
 */
public final class CrawlBenchmark {

  private static final int THREADS = 8;

  private CrawlBenchmark() {}

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } finally {
      // crawler4j leaves a non-daemon idle-connection thread behind; a harness must end.
      System.exit(0);
    }
  }

  private static void run(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("bare")) {
      bareOnly(args);
      return;
    }
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path work = Files.createTempDirectory("finpatrol-crawl-bench");
    System.out.printf(
        Locale.ROOT,
        "crawl stage: %d pages on 1 host, politeness 0, %d threads, median of %d%n",
        pages,
        THREADS,
        runs);
    try (SyntheticSite site = new SyntheticSite(pages, 1)) {
      List<Result> bare = new ArrayList<>();
      List<Result> ours = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        bare.add(bareCrawler4j(site, work.resolve("bare-" + run), pages));
        ours.add(finpatrol(site, work.resolve("fp-" + run), pages, 0, THREADS));
      }
      Result b = Result.median(bare);
      Result f = Result.median(ours);
      header();
      row("bare crawler4j (fetch + Tika parse)", b, "");
      row(
          "FinPatrol crawl (+ extraction, evidence)",
          f,
          String.format(
              Locale.ROOT,
              "%.2fx bare (%.2fx to last page)",
              f.rate() / b.rate(),
              f.lastPageRate() / b.lastPageRate()));
    }
    int hosts = 4;
    int delay = 200;
    int politePages = 150;
    double ceiling = hosts * 1000.0 / delay;
    System.out.printf(
        Locale.ROOT,
        "%npoliteness %d ms on %d hosts, %d pages each: ceiling %.1f pages/s%n",
        delay,
        hosts,
        politePages,
        ceiling);
    try (SyntheticSite site = new SyntheticSite(politePages, hosts)) {
      List<Result> polite = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        polite.add(
            finpatrol(site, work.resolve("polite-" + run), hosts * politePages, delay, THREADS));
      }
      Result r = Result.median(polite);
      header();
      row(
          "FinPatrol crawl",
          r,
          String.format(
              Locale.ROOT,
              "%.2fx ceiling (%.2fx to last page)",
              r.rate() / ceiling,
              r.lastPageRate() / ceiling));
    }
  }

  /**
   * @param seconds the whole crawl, as a caller waits for it
   * @param toLastPage until the last page was delivered, without crawler4j's end-of-crawl checks
   */
  private record Result(long pages, double seconds, double toLastPage) {
    double rate() {
      return pages / seconds;
    }

    double lastPageRate() {
      return pages / toLastPage;
    }

    /** The run with the median whole-crawl time. */
    static Result median(List<Result> runs) {
      List<Result> sorted = new ArrayList<>(runs);
      sorted.sort(Comparator.comparingDouble(Result::seconds));
      return sorted.get(sorted.size() / 2);
    }
  }

  private static Result finpatrol(
      SyntheticSite site, Path dir, int maxPages, int politeness, int threads) throws IOException {
    Map<String, InetAddress> overrides = new HashMap<>();
    for (String host : site.hostNames()) {
      overrides.put(host, InetAddress.getLoopbackAddress());
    }
    CrawlSettings settings =
        CrawlSettings.builder(dir.resolve("frontier"), dir.resolve("evidence"))
            .limits(maxPages, 1000, politeness)
            .perHostMaxPages(maxPages)
            .allowPrivateNetwork(true)
            .threads(threads)
            .hostOverrides(overrides)
            .build();
    AtomicLong last = new AtomicLong();
    long start = System.nanoTime();
    CrawlSummary summary =
        new Crawler(settings).crawl(site.seeds(), "bench", p -> last.set(System.nanoTime()));
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(summary.ok(), seconds, (last.get() - start) / 1e9);
  }

  /**
   * {@code bare SEED MAX_PAGES DIR}: bare crawler4j alone from one seed, in its own process, for
   * {@code e2e.sh} to time whole; prints the pages visited.
   */
  private static void bareOnly(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: CrawlBenchmark bare SEED MAX_PAGES DIR");
    }
    String seed = args[1];
    String site = seed.substring(0, seed.indexOf('/', "http://".length()) + 1);
    Result r = bareCrawler4j(List.of(seed), site, Path.of(args[3]), Integer.parseInt(args[2]));
    System.out.printf(Locale.ROOT, "bare crawler4j: %d pages in %.2f s%n", r.pages(), r.seconds());
  }

  private static Result bareCrawler4j(SyntheticSite site, Path dir, int maxPages) throws Exception {
    return bareCrawler4j(site.seeds(), ".bench:", dir, maxPages);
  }

  /** Crawls from {@code seeds}, following links whose URL contains {@code scope}. */
  private static Result bareCrawler4j(List<String> seeds, String scope, Path dir, int maxPages)
      throws Exception {
    Files.createDirectories(dir);
    CrawlConfig config = new CrawlConfig();
    config.setCrawlStorageFolder(dir.toString());
    config.setPolitenessDelay(0);
    config.setMaxPagesToFetch(maxPages);
    config.setThreadMonitoringDelaySeconds(1);
    config.setThreadShutdownDelaySeconds(1);
    config.setCleanupDelaySeconds(0);
    config.setAllowSingleLevelDomain(true);
    config.setDnsResolver(new LoopbackResolver());
    BasicURLNormalizer normalizer = new BasicURLNormalizer();
    PageFetcher fetcher = new PageFetcher(config, normalizer);
    SleepycatFrontierConfiguration frontier = new SleepycatFrontierConfiguration(config);
    RobotstxtServer robots =
        new RobotstxtServer(new RobotstxtConfig(), fetcher, frontier.getWebURLFactory());
    CrawlController controller = new CrawlController(config, normalizer, fetcher, robots, frontier);
    seeds.forEach(
        s -> {
          try {
            controller.addSeed(s);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    LongAdder visited = new LongAdder();
    AtomicLong last = new AtomicLong();
    long start = System.nanoTime();
    controller.start(() -> new BareCrawler(visited, last, scope), THREADS);
    return new Result(visited.sum(), (System.nanoTime() - start) / 1e9, (last.get() - start) / 1e9);
  }

  /** The baseline: follow same-host links, do nothing with pages. */
  private static final class BareCrawler extends WebCrawler {
    private final LongAdder visited;
    private final AtomicLong last;
    private final String scope;

    BareCrawler(LongAdder visited, AtomicLong last, String scope) {
      this.visited = visited;
      this.last = last;
      this.scope = scope;
    }

    @Override
    public boolean shouldVisit(Page referringPage, WebURL url) {
      return url.getURL().contains(scope);
    }

    @Override
    public void visit(Page page) {
      visited.increment();
      last.set(System.nanoTime());
    }
  }

  private static final class LoopbackResolver implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) {
      return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }

    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }

  private static void header() {
    System.out.printf(
        Locale.ROOT, "  %-42s %6s %9s %9s %10s%n", "", "pages", "whole s", "pages/s", "to last s");
  }

  private static void row(String name, Result r, String ratio) {
    System.out.printf(
        Locale.ROOT,
        "  %-42s %6d %9.2f %9.1f %10.2f  %s%n",
        name,
        r.pages(),
        r.seconds(),
        r.rate(),
        r.toLastPage(),
        ratio);
  }
}
