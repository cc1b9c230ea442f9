package org.finpatrol.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmenterTest {

  private static List<String> words(Segmenter segmenter, String text) {
    return segmenter.segment(Normalizer.normalize(text)).stream().map(Token::text).toList();
  }

  @Test
  void financeDictionaryKeepsTermsThatHanLPSplits() {
    Segmenter plain = new Segmenter(FinanceDictionary.empty());
    Segmenter finance = new Segmenter(FinanceDictionary.of("保本保息", "年化", "首付贷"));
    String text = "承诺保本保息，年化15%，首付贷轻松办理";

    assertThat(words(plain, text)).doesNotContain("保本保息", "年化", "首付贷");
    assertThat(words(finance, text)).contains("保本保息", "年化", "首付贷");
  }

  @Test
  void shippedDictionaryLoadsAndCoversTheIssueTerms() throws IOException {
    FinanceDictionary dictionary = FinanceDictionary.load(Path.of("../config/dictionaries"));
    assertThat(dictionary.size()).isGreaterThan(30);
    assertThat(words(new Segmenter(dictionary), "穩賺不賠的首付貸和明股实债"))
        .containsExactly("稳赚不赔", "的", "首付贷", "和", "明股实债");
  }

  @Test
  void tokensTileTheInputWithExactOffsets() {
    Segmenter segmenter = new Segmenter(FinanceDictionary.of("保本保息"));
    String text = Normalizer.normalize("本平台承诺保本保息 😀 𠀀 abc123 年化１５．５％\n第二行");
    List<Token> tokens = segmenter.segment(text);
    int pos = 0;
    for (Token t : tokens) {
      assertThat(t.start()).isEqualTo(pos);
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
      pos = t.end();
    }
    assertThat(pos).isEqualTo(text.length());
  }

  @Test
  void repeatedLinesGetTheWordsAFreshSegmenterGivesThem() {
    FinanceDictionary dictionary = FinanceDictionary.of("保本保息", "年化");
    Segmenter segmenter = new Segmenter(dictionary);
    String footer = "鑫盛投资管理有限公司 版权所有 地址:河南省鹤壁市淇滨区华山路88号 电话:0392-3208867";
    List<String> bodies = List.of("本平台承诺保本保息,年化收益15%。", "投资有风险,理财需谨慎。", "首付贷轻松上车。");
    for (int page = 0; page < 6; page++) {
      String text = "首页\n" + bodies.get(page % bodies.size()) + "\n" + footer;
      // A new segmenter has seen nothing: it segments every line.
      assertThat(segmenter.segment(text)).isEqualTo(new Segmenter(dictionary).segment(text));
    }
  }

  @Test
  void noWordSpansALineBreakAndTheBreakIsATokenOfItsOwn() {
    Segmenter segmenter = new Segmenter(FinanceDictionary.of("保本保息"));
    List<Token> tokens = segmenter.segment("承诺保本\n保息");

    assertThat(tokens).extracting(Token::text).contains("\n").doesNotContain("保本保息");
    assertThat(tokens).contains(new Token("\n", 4, 5));
    assertThat(tokens).allMatch(t -> t.end() <= 4 || t.start() >= 5 || t.text().equals("\n"));
  }

  @Test
  void offsetsAreRelativeToTheStartGivenWhereverTheLineBreaksAre() {
    Segmenter segmenter = new Segmenter(FinanceDictionary.of("首付贷"));
    for (String s : List.of("", "\n", "\n首付贷", "首付贷\n", "首付贷\n\n轻松办理", "承诺保本\n保息\n")) {
      char[] chars = ("前文" + s + "后文").toCharArray();
      List<Token> tokens = new java.util.ArrayList<>();
      // Twice: the second time lines come from the cache if they were remembered.
      for (int round = 0; round < 2; round++) {
        tokens.clear();
        segmenter.segment(chars, 2, s.length(), tokens::add);
        int pos = 0;
        for (Token t : tokens) {
          assertThat(t.start()).as("in %s", s).isEqualTo(pos);
          assertThat(t.text()).isEqualTo(s.substring(t.start(), t.end()));
          pos = t.end();
        }
        assertThat(pos).as("in %s", s).isEqualTo(s.length());
      }
    }
  }

  @Test
  void segmentingLineByLineChangesAlmostNoWordOfTheCorpus() throws IOException {
    Segmenter segmenter = new Segmenter(FinanceDictionary.load(Path.of("../config/dictionaries")));
    java.util.regex.Matcher texts =
        java.util.regex.Pattern.compile("\"text\": \"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(Files.readString(Path.of("../config/training/dev.jsonl")));
    List<String> lines = new java.util.ArrayList<>();
    while (texts.find()) {
      lines.add(Normalizer.normalize(texts.group(1)));
    }
    assertThat(lines).hasSizeGreaterThan(200);
    int words = 0;
    int changed = 0;
    for (int page = 0; page + 20 <= lines.size(); page += 20) {
      String text = String.join("\n", lines.subList(page, page + 20));
      // With '\r' for '\n' the page is one line, segmented whole, as before lines were split.
      java.util.Set<String> whole = wordSpans(segmenter.segment(text.replace('\n', '\r')));
      java.util.Set<String> byLine = wordSpans(segmenter.segment(text));
      words += whole.size();
      whole.removeAll(byLine);
      changed += whole.size();
    }
    assertThat(words).isGreaterThan(10_000);
    assertThat(changed).isLessThan(words / 1000);
  }

  private static java.util.Set<String> wordSpans(List<Token> tokens) {
    java.util.Set<String> spans = new java.util.HashSet<>();
    for (Token t : tokens) {
      if (t.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
        spans.add(t.start() + ":" + t.text());
      }
    }
    return spans;
  }

  @Test
  void randomTextNeverBreaksTheTiling() {
    Segmenter segmenter = new Segmenter(FinanceDictionary.empty());
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      char[] chars = new char[random.nextInt(60)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) random.nextInt(0x10000);
      }
      String text = new String(chars);
      List<Token> tokens = segmenter.segment(text);
      int pos = 0;
      for (Token t : tokens) {
        assertThat(t.start()).isEqualTo(pos);
        pos = t.end();
      }
      assertThat(pos).isEqualTo(text.length());
    }
  }

  @Test
  void badDictionaryLineIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "# comment\n保本保息 nz 100\n年化 nz 很多\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FinanceDictionary.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.txt:3")
        .hasMessageContaining("很多");
  }

  @Test
  void aDictionaryReadFromAStreamEqualsTheLoadedFileAndNamesItsSourceWhenBad() throws IOException {
    Path file = Path.of("../config/dictionaries/finance.txt");
    FinanceDictionary loaded = FinanceDictionary.load(file);
    FinanceDictionary read;
    try (var in = Files.newInputStream(file)) {
      read = FinanceDictionary.read(in, "finance.txt");
    }
    assertThat(read.entries()).containsExactlyInAnyOrderElementsOf(loaded.entries());

    byte[] utf16 = "保本保息 nz 100\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FinanceDictionary.read(new java.io.ByteArrayInputStream(utf16), "conf/x.txt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conf/x.txt");
  }

  @Test
  void withAddsTheOtherDictionarysWords() {
    FinanceDictionary both = FinanceDictionary.of("保本保息").with(FinanceDictionary.of("首付贷"));
    assertThat(both.contains("保本保息")).isTrue();
    assertThat(both.contains("首付贷")).isTrue();
    assertThat(both.size()).isEqualTo(2);
  }

  @Test
  void threadsSegmentingAtOnceGetWhatOneThreadGets() throws Exception {
    Segmenter segmenter = new Segmenter(FinanceDictionary.of("保本保息", "年化", "首付贷"));
    List<String> texts =
        List.of(
            "本平台承诺保本保息，年化收益15%。", "首付贷轻松上车，月入过万不是梦。", "投资有风险，理财需谨慎，警惕高息诱惑。", "虚拟货币挖矿高额返利，拉人头奖励。");
    List<List<Token>> serial = texts.stream().map(segmenter::segment).toList();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 200; round++) {
                    int i = round % texts.size();
                    if (!segmenter.segment(texts.get(i)).equals(serial.get(i))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (var r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
