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
