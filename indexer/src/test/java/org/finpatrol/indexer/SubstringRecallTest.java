package org.finpatrol.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall without segmentation luck: for 100 pages (the texts of the segmentation samples), random
 * substrings of 2–6 Chinese characters, each searched as an analyst would type it, must find their
 * page. The same substrings searched in the words fields only (what an index of HanLP words alone
 * would find) show what the bigram field adds. Substrings are taken within runs of Han characters;
 * Latin words and numbers are indexed whole and found whole.
 */
class SubstringRecallTest {

  private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{2,}");
  private static final int PER_PAGE = 12;

  @TempDir Path dir;

  @Test
  void everySampledSubstringFindsItsPage() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String name : List.of("gold-finance.txt", "gold-news.txt")) {
      Files.readAllLines(Path.of("src/test/resources/segmentation/" + name), StandardCharsets.UTF_8)
          .stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.replace(" ", ""))
          .forEach(texts::add);
    }
    Segmenter segmenter = new Segmenter(FinanceDictionary.load(Path.of("../config/dictionaries")));
    Random random = new Random(20261201);
    int queries = 0;
    int foundCombined = 0;
    int foundWordsOnly = 0;
    List<String> missed = new ArrayList<>();
    try (PageIndex index = PageIndex.openForWriting(dir, segmenter, Set.of())) {
      for (int i = 0; i < texts.size(); i++) {
        index.upsert(
            new IndexedPage(
                "http://page" + i + ".test/",
                "page" + i + ".test",
                "",
                texts.get(i),
                List.of(),
                null,
                null,
                Instant.parse("2026-12-01T00:00:00Z"),
                null,
                null,
                null));
      }
      index.commit();
      for (int i = 0; i < texts.size(); i++) {
        List<String> runs = new ArrayList<>();
        Matcher m = HAN_RUN.matcher(texts.get(i));
        while (m.find()) {
          runs.add(m.group());
        }
        String url = "http://page" + i + ".test/";
        for (int q = 0; q < PER_PAGE; q++) {
          String run = runs.get(random.nextInt(runs.size()));
          int length = Math.min(run.length(), 2 + random.nextInt(5));
          int start = random.nextInt(run.length() - length + 1);
          String substring = run.substring(start, start + length);
          queries++;
          if (finds(index, SearchRequest.of(substring, 100), url)) {
            foundCombined++;
          } else {
            missed.add(substring + " in page" + i);
          }
          if (finds(index, SearchRequest.of("text_words:\"" + substring + "\"", 100), url)) {
            foundWordsOnly++;
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "substring recall over %d queries of 2-6 characters on %d pages:%n"
            + "  words field only     %5.1f%%%n  words + bigrams      %5.1f%%%n",
        queries,
        texts.size(),
        100.0 * foundWordsOnly / queries,
        100.0 * foundCombined / queries);
    assertThat(missed).isEmpty();
    // The comparison only means something if words alone do miss some.
    assertThat(foundWordsOnly).isLessThan(queries);
  }

  private static boolean finds(PageIndex index, SearchRequest request, String url)
      throws IOException {
    return index.search(request).hits().stream().anyMatch(h -> h.url().equals(url));
  }
}
