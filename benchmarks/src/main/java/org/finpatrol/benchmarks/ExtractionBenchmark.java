package org.finpatrol.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.HtmlParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.LinkContentHandler;
import org.apache.tika.sax.TeeContentHandler;
import org.finpatrol.crawler.extract.Extraction;
import org.finpatrol.crawler.extract.HtmlExtractor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.xml.sax.SAXException;

/**
 * Page extraction on one core: pages per second for HTML pages built from the corpus texts (20
 * texts a page, about 1,900 characters of text, 30 links, a footer naming a company, an address, a
 * phone number and an ICP number, as financial sites' pages do), beside Jsoup merely parsing the
 * same bytes and Tika's HTML parser taking out text and links (what bare crawler4j does with a
 * page). FinPatrol's extraction is the Jsoup parse plus text, links, ads, meta, boilerplate and
 * operator facts. Run: {@code java -jar benchmarks/target/benchmarks.jar ExtractionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractionBenchmark {

  private static final int PAGES = 1000;

  private final byte[][] pages = new byte[PAGES][];
  private final HtmlExtractor extractor = new HtmlExtractor();

  @Setup
  public void setUp() throws IOException {
    String[] texts = CorpusTexts.read();
    Random random = new Random(42);
    for (int i = 0; i < PAGES; i++) {
      StringBuilder html = new StringBuilder(8192);
      html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>理财资讯第")
          .append(i)
          .append("页</title></head><body><div class=\"nav\"><a href=\"/\">首页</a>")
          .append("<a href=\"/about\">关于我们</a></div>");
      CorpusTexts.appendParagraphs(html, texts, random, 20);
      for (int l = 0; l < 30; l++) {
        html.append("<a href=\"/news/").append(random.nextInt(5000)).append(".html\">新闻</a> ");
      }
      html.append(CorpusTexts.FOOTER).append("</body></html>");
      pages[i] = html.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String url(int page) {
    return "http://licai.test/p/" + page;
  }

  @Benchmark
  @OperationsPerInvocation(PAGES)
  public long finpatrolExtract() {
    long size = 0;
    for (int i = 0; i < PAGES; i++) {
      Extraction extraction = extractor.extract(pages[i], "text/html; charset=utf-8", url(i));
      size += extraction.text().length() + extraction.links().size();
    }
    return size;
  }

  @Benchmark
  @OperationsPerInvocation(PAGES)
  public long baselineJsoupParse() throws IOException {
    long size = 0;
    for (int i = 0; i < PAGES; i++) {
      Document doc = Jsoup.parse(new ByteArrayInputStream(pages[i]), "UTF-8", url(i));
      size += doc.body().childNodeSize();
    }
    return size;
  }

  @Benchmark
  @OperationsPerInvocation(PAGES)
  public long baselineTikaTextAndLinks() throws IOException, SAXException, TikaException {
    long size = 0;
    HtmlParser parser = new HtmlParser();
    for (int i = 0; i < PAGES; i++) {
      BodyContentHandler text = new BodyContentHandler(-1);
      LinkContentHandler links = new LinkContentHandler();
      Metadata metadata = new Metadata();
      metadata.set("Content-Type", "text/html; charset=utf-8");
      parser.parse(
          new ByteArrayInputStream(pages[i]),
          new TeeContentHandler(text, links),
          metadata,
          new ParseContext());
      size += text.toString().length() + links.getLinks().size();
    }
    return size;
  }
}
