package org.finpatrol.classifier.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {

  @Test
  void findsEveryOccurrenceOfOverlappingPhrasesInOnePass() {
    PhraseAutomaton<String> automaton =
        PhraseAutomaton.<String>builder()
            .add("保本", "a")
            .add("保本保息", "b")
            .add("保息", "c")
            .add("本保", "d")
            .build();
    List<PhraseAutomaton.Hit<String>> hits = automaton.find("承诺保本保息保本");
    assertThat(hits)
        .extracting(PhraseAutomaton.Hit::phrase)
        .containsExactlyInAnyOrder("保本", "本保", "保本保息", "保息", "保本");
    assertThat(hits)
        .filteredOn(h -> h.phrase().equals("保本保息"))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.start()).isEqualTo(2);
              assertThat(h.end()).isEqualTo(6);
            });
  }

  @Test
  void findsWhatAPlainSearchAtEveryPositionFinds() {
    // Few distinct characters, so phrases share prefixes and suffixes and fail links are taken.
    // Latin in lower case: phrases are compacted (upper case folded), find's text is taken as is.
    String alphabet = "保本息年化收益稳赚ab9";
    java.util.Random random = new java.util.Random(20261203);
    int[] anyInAnswers = new int[2];
    for (int round = 0; round < 300; round++) {
      PhraseAutomaton.Builder<Integer> builder = PhraseAutomaton.builder();
      List<String> phrases = new java.util.ArrayList<>();
      for (int p = 0, n = 1 + random.nextInt(round % 2 == 0 ? 6 : 400); p < n; p++) {
        String phrase = text(random, alphabet, 1 + random.nextInt(4));
        phrases.add(phrase);
        builder.add(phrase, p);
      }
      PhraseAutomaton<Integer> automaton = builder.build();
      String text = text(random, alphabet, random.nextInt(60));

      List<String> expected = new java.util.ArrayList<>();
      for (int p = 0; p < phrases.size(); p++) {
        String phrase = phrases.get(p);
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
          expected.add(at + ":" + phrase + ":" + p);
        }
      }
      assertThat(automaton.find(text))
          .as("%s in %s", phrases, text)
          .map(h -> h.start() + ":" + h.phrase() + ":" + h.value())
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(automaton.find(new StringBuilder(text)))
          .as("%s in a StringBuilder of %s", phrases, text)
          .map(h -> h.start() + ":" + h.phrase() + ":" + h.value())
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(automaton.any(text)).as("%s in %s", phrases, text).isEqualTo(!expected.isEmpty());
      int from = random.nextInt(text.length() + 1);
      int to = from + random.nextInt(text.length() - from + 1);
      String window = text.substring(from, to);
      boolean expectedInWindow = phrases.stream().anyMatch(window::contains);
      assertThat(automaton.anyIn(text, from, to))
          .as("%s in %s", phrases, window)
          .isEqualTo(expectedInWindow);
      assertThat(automaton.anyIn(new StringBuilder(text), from, to))
          .as("%s in a StringBuilder's %s", phrases, window)
          .isEqualTo(expectedInWindow);
      anyInAnswers[expectedInWindow ? 1 : 0]++;
    }
    // Both answers came up often enough for the comparisons above to mean something.
    assertThat(anyInAnswers[0]).as("windows without a phrase").isGreaterThan(30);
    assertThat(anyInAnswers[1]).as("windows with one").isGreaterThan(30);
  }

  private static String text(java.util.Random random, String alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  @Test
  void phrasesAreCompactedLikeTheText() {
    PhraseAutomaton<String> automaton = PhraseAutomaton.<String>builder().add("穩賺 不賠", "x").build();
    CompactText text = CompactText.of("这款产品稳-赚-不-赔！");
    assertThat(automaton.find(text.compact())).hasSize(1);
  }

  @Test
  void compactTextMapsBackToOriginalOffsetsAndKeepsSentences() {
    CompactText text = CompactText.of("保 本。保 息");
    assertThat(text.compact()).isEqualTo("保本" + CompactText.BREAK + "保息");
    assertThat(text.originalStart(3)).isEqualTo(4);
    assertThat(text.originalEnd(5)).isEqualTo(7);
    assertThat(text.sentenceStart(4)).isEqualTo(3);
    assertThat(text.sentenceEnd(0)).isEqualTo(2);
  }
}
