package org.finpatrol.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finpatrol.indexer.IndexedPage;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.SearchRequest;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;

/**
 * Indexing throughput with 1 and 2 threads, then query latency over a large synthetic index.
 *
 * <p>Pages are about 2 KB of Chinese financial text assembled at random (fixed seed) from the
 * corpus's sentences, in paragraphs no two pages share (as pages' own text; the segmenter remembers
 * lines it sees again), spread over 2,000 hosts, 5 counties and 12 months, a fifth of them
 * labelled. Each page goes through the whole index schema: HanLP words and CJK bigrams for title,
 * text and ads, facets' doc values. Queries are 2–6 character substrings of the corpus (an
 * analyst's typing), each run plain and with facets plus risk order, after a warm-up; latency is
 * per query, single thread, including highlighting of the 10 hits.
 *
 * <p>Run: {@code java -Dfinpatrol.dictionaries=config/dictionaries -cp
 * benchmarks/target/benchmarks.jar org.finpatrol.benchmarks.IndexBenchmark [indexingDocs]
 * [searchIndexDocs] [queries]} (defaults 20000, 100000, 2000).
 */
public final class IndexBenchmark {

  private static final Set<String> LABELS = Set.of("GUARANTEED_RETURN", "HIGH_YIELD", "FUND_POOL");
  private static final String[] COUNTIES = {"淇滨区", "山城区", "鹤山区", "浚县", "淇县"};

  private final List<String> texts;
  private final String[] sentences;
  private final FinanceDictionary dictionary;

  private IndexBenchmark(List<String> texts, FinanceDictionary dictionary) {
    this.texts = texts;
    this.sentences = CorpusTexts.sentences(texts.toArray(String[]::new));
    this.dictionary = dictionary;
  }

  public static void main(String[] args) throws Exception {
    int indexingDocs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int searchDocs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    List<String> texts;
    try (InputStream in = IndexBenchmark.class.getResourceAsStream("/corpus-texts.txt")) {
      texts =
          Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
              .filter(t -> !t.isBlank())
              .toList();
    }
    String dictionary = System.getProperty("finpatrol.dictionaries", "config/dictionaries");
    IndexBenchmark bench = new IndexBenchmark(texts, FinanceDictionary.load(Path.of(dictionary)));
    Path work = Files.createTempDirectory("finpatrol-index-bench");
    // Warm-up: the JIT compiles analysis and indexing before either measured run.
    bench.index(work.resolve("warm-up"), Math.min(indexingDocs, 5_000), 2);
    System.out.printf(Locale.ROOT, "indexing %,d pages of ~2 KB%n", indexingDocs);
    double one = bench.index(work.resolve("one"), indexingDocs, 1);
    double two = bench.index(work.resolve("two"), indexingDocs, 2);
    System.out.printf(Locale.ROOT, "  1 thread   %8.0f docs/s%n", one);
    System.out.printf(Locale.ROOT, "  2 threads  %8.0f docs/s  (%.2fx)%n", two, two / one);

    Path big = work.resolve("big");
    System.out.printf(Locale.ROOT, "%nbuilding a %,d-page index (2 threads)...%n", searchDocs);
    double rate = bench.index(big, searchDocs, 2);
    System.out.printf(Locale.ROOT, "  %8.0f docs/s, %,d MB on disk%n", rate, size(big) >> 20);
    bench.queryLatency(big, queries);
  }

  private IndexedPage page(int i, Random random) {
    StringBuilder text = new StringBuilder(2200);
    while (text.length() < 2000) {
      text.append(CorpusTexts.composedParagraph(sentences, random)).append('\n');
    }
    String title = CorpusTexts.composedParagraph(sentences, random);
    title = "第" + i + "期 " + title.substring(0, Math.min(title.length(), 30));
    List<String> ads =
        random.nextInt(4) == 0
            ? List.of(CorpusTexts.composedParagraph(sentences, random))
            : List.of();
    return new IndexedPage(
        "http://site" + (i % 2000) + ".bench/p/" + i,
        "site" + (i % 2000) + ".bench",
        title,
        text.toString(),
        ads,
        random.nextInt(3) == 0 ? "鹤壁某某科技有限公司" : null,
        COUNTIES[random.nextInt(COUNTIES.length)],
        Instant.parse("2026-01-15T00:00:00Z").plus(random.nextInt(330), ChronoUnit.DAYS),
        "bench.warc.gz",
        "<urn:uuid:" + i + ">",
        "00");
  }

  /** Indexes {@code docs} pages with {@code threads} threads, commits; returns docs/s. */
  private double index(Path dir, int docs, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    // A segmenter of its own: the runs index the same pages, and one that remembered the last
    // run's lines would make this run faster.
    Segmenter segmenter = new Segmenter(dictionary);
    try (PageIndex index = PageIndex.openForWriting(dir, segmenter, LABELS)) {
      long start = System.nanoTime();
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int part = t;
        parts.add(
            pool.submit(
                () -> {
                  Random random = new Random(part);
                  for (int i = part; i < docs; i += threads) {
                    IndexedPage page = page(i, random);
                    index.upsert(page);
                    if (i % 5 == 0) {
                      index.setLabels(page.url(), Set.of("GUARANTEED_RETURN"), 70);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
      index.commit();
      return docs / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  private void queryLatency(Path dir, int count) throws IOException {
    Random random = new Random(7);
    Pattern han = Pattern.compile("\\p{IsHan}{6,}");
    List<String> queries = new ArrayList<>();
    while (queries.size() < count) {
      Matcher m = han.matcher(texts.get(random.nextInt(texts.size())));
      if (m.find()) {
        String run = m.group();
        int length = 2 + random.nextInt(5);
        int start = random.nextInt(run.length() - length + 1);
        queries.add(run.substring(start, start + length));
      }
    }
    try (PageIndex index = PageIndex.openReadOnly(dir, new Segmenter(dictionary))) {
      for (int i = 0; i < Math.min(500, count); i++) {
        index.search(SearchRequest.of(queries.get(i), 10));
      }
      System.out.printf(
          Locale.ROOT,
          "%nquery latency over %,d pages, %,d queries of 2-6 characters, 10 hits highlighted:%n",
          index.size(),
          count);
      report("plain", latencies(index, queries, false));
      report("facets + risk order", latencies(index, queries, true));
    }
  }

  private static double[] latencies(PageIndex index, List<String> queries, boolean facets)
      throws IOException {
    double[] ms = new double[queries.size()];
    long hits = 0;
    for (int i = 0; i < queries.size(); i++) {
      SearchRequest request = SearchRequest.of(queries.get(i), 10);
      if (facets) {
        request = request.withFacets().orderBy(SearchRequest.Order.RISK);
      }
      long start = System.nanoTime();
      hits += index.search(request).totalHits();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    System.out.printf(
        Locale.ROOT, "  (mean hits per query %.0f)%n", (double) hits / queries.size());
    Arrays.sort(ms);
    return ms;
  }

  private static void report(String name, double[] sorted) {
    System.out.printf(
        Locale.ROOT,
        "  %-22s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n",
        name,
        sorted[sorted.length / 2],
        sorted[(int) (sorted.length * 0.95)],
        sorted[(int) (sorted.length * 0.99)],
        sorted[sorted.length - 1]);
  }

  private static long size(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
