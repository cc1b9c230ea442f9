package org.finpatrol.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.finpatrol.crawler.Ad;
import org.finpatrol.crawler.extract.Extraction;
import org.finpatrol.crawler.extract.HtmlExtractor;
import org.finpatrol.indexer.IndexedPage;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.analysis.BigramAnalyzer;
import org.finpatrol.indexer.analysis.HanLPAnalyzer;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;

/**
 * What indexing a generated site costs with nothing else around it: the least time a patrol must
 * spend beyond its crawl (issue 9 compares a whole patrol with bare crawler4j's crawl alone). Pages
 * are made as {@link SyntheticSite} serves them (same {@code -Dfinpatrol.site}) and extracted by
 * FinPatrol's {@link HtmlExtractor}, as the crawl extracts them, all before anything is timed.
 * Then:
 *
 * <ul>
 *   <li>analysis passes: one thread analyses every title, text and ad with the word analyzer (HanLP
 *       and the finance dictionary; a fresh segmenter each pass, whose line memory starts empty as
 *       a patrol's does) and with the bigram analyzer, consuming every token; its CPU seconds;
 *   <li>indexing runs: every page into a new {@link PageIndex} on disk with 2 threads, as the
 *       patrol's index step does (same schema, same analyzers), and a commit; wall seconds.
 * </ul>
 *
 * <p>Classification, evidence, the database and Spring Batch come on top in a patrol. Run: {@code
 * java -Dfinpatrol.site=corpus -cp benchmarks/target/benchmarks.jar
 * org.finpatrol.benchmarks.IndexFloor [pages] [runs]}. The first run is as cold as a patrol's index
 * step (the JIT still compiling); later ones show the warm speed.
 */
public final class IndexFloor {

  private IndexFloor() {}

  /** A page's analysed fields, as the index step gets them. */
  private record Fields(String title, String text, List<String> ads) {}

  private static final int INDEX_THREADS = 2;

  public static void main(String[] args) throws Exception {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String dictionary = System.getProperty("finpatrol.dictionaries", "config/dictionaries");
    FinanceDictionary finance = FinanceDictionary.load(Path.of(dictionary));

    List<Fields> fields = new ArrayList<>(pages);
    long chars = 0;
    HtmlExtractor extractor = new HtmlExtractor();
    try (SyntheticSite site = new SyntheticSite(pages, 1)) {
      for (int i = 0; i < pages; i++) {
        byte[] body = site.page(i).getBytes(StandardCharsets.UTF_8);
        Extraction e =
            extractor.extract(body, "text/html; charset=utf-8", "http://site0.bench/p/" + i);
        List<String> ads = e.ads().stream().map(Ad::text).toList();
        fields.add(new Fields(e.title(), e.text(), ads));
        chars += e.title().length() + e.text().length();
        for (String ad : ads) {
          chars += ad.length();
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%,d pages of the %s site, %,d characters of title, text and ads (%,d a page)%n",
        pages,
        System.getProperty("finpatrol.site", "short"),
        chars,
        chars / pages);

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int run = 1; run <= runs; run++) {
      double words = cpuSeconds(threads, new HanLPAnalyzer(new Segmenter(finance)), fields);
      double bigrams = cpuSeconds(threads, new BigramAnalyzer(), fields);
      System.out.printf(
          Locale.ROOT,
          "analysis %d, one thread: words %5.1f s CPU (%.1f M characters/s), bigrams %4.1f s CPU%n",
          run,
          words,
          chars / words / 1e6,
          bigrams);
    }
    Path work = Files.createTempDirectory("finpatrol-index-floor");
    try {
      for (int run = 1; run <= runs; run++) {
        double seconds = index(work.resolve("run" + run), fields, new Segmenter(finance));
        System.out.printf(
            Locale.ROOT,
            "indexing %d, %d threads: %5.1f s wall (%,.0f pages/s)%n",
            run,
            INDEX_THREADS,
            seconds,
            pages / seconds);
      }
    } finally {
      deleteTree(work);
    }
  }

  /** Indexes every page with {@link #INDEX_THREADS} threads and commits; wall seconds. */
  private static double index(Path dir, List<Fields> pages, Segmenter segmenter)
      throws IOException, InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(INDEX_THREADS);
    Instant fetched = Instant.parse("2026-12-01T00:00:00Z");
    try (PageIndex index = PageIndex.openForWriting(dir, segmenter, Set.of("GUARANTEED_RETURN"))) {
      long start = System.nanoTime();
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < INDEX_THREADS; t++) {
        int part = t;
        parts.add(
            pool.submit(
                () -> {
                  for (int i = part; i < pages.size(); i += INDEX_THREADS) {
                    Fields page = pages.get(i);
                    index.upsert(
                        new IndexedPage(
                            "http://site0.bench/p/" + i,
                            "site0.bench",
                            page.title(),
                            page.text(),
                            page.ads(),
                            null,
                            null,
                            fetched,
                            "floor.warc.gz",
                            "<urn:uuid:" + i + ">",
                            "00"));
                  }
                  return null;
                }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
      index.commit();
      return (System.nanoTime() - start) / 1e9;
    } finally {
      pool.shutdown();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** One thread's CPU seconds for analysing every field of every page with {@code analyzer}. */
  private static double cpuSeconds(ThreadMXBean threads, Analyzer analyzer, List<Fields> pages)
      throws IOException {
    long start = threads.getCurrentThreadCpuTime();
    long tokens = 0;
    try (analyzer) {
      for (Fields page : pages) {
        tokens += AnalyzerBenchmark.consume(analyzer, page.title(), page.text());
        tokens += AnalyzerBenchmark.consume(analyzer, page.ads().toArray(String[]::new));
      }
    }
    if (tokens == 0) {
      throw new IllegalStateException("no token: the pages were not extracted");
    }
    return (threads.getCurrentThreadCpuTime() - start) / 1e9;
  }
}
