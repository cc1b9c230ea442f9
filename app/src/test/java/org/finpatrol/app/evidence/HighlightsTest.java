package org.finpatrol.app.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.finpatrol.app.evidence.Highlights.Part;
import org.finpatrol.app.evidence.Highlights.Range;
import org.junit.jupiter.api.Test;

class HighlightsTest {

  @Test
  void marksTheRangesAndKeepsTheRestInOrder() {
    String text = "鑫盛理财\n本产品保本保息，年化收益15%。";
    List<Part> parts =
        Highlights.split(
            text, List.of(new Range(8, 12, "GUARANTEED_RETURN"), new Range(13, 20, "HIGH_YIELD")));
    assertThat(parts)
        .containsExactly(
            new Part("鑫盛理财\n本产品", null),
            new Part("保本保息", "GUARANTEED_RETURN"),
            new Part("，", null),
            new Part("年化收益15%", "HIGH_YIELD"),
            new Part("。", null));
    assertThat(String.join("", parts.stream().map(Part::text).toList())).isEqualTo(text);
  }

  @Test
  void overlappingRangesMergeAndStaleOffsetsAreClipped() {
    String text = "稳赚不赔的理财";
    List<Part> parts =
        Highlights.split(
            text,
            List.of(
                new Range(0, 4, "A"),
                new Range(2, 5, "B"),
                new Range(5, 99, "C"),
                new Range(50, 60, "D")));
    assertThat(parts).containsExactly(new Part("稳赚不赔的", "A, B"), new Part("理财", "C"));
  }

  @Test
  void noRangesIsTheWholeTextUnmarked() {
    assertThat(Highlights.split("公告", List.of())).containsExactly(new Part("公告", null));
  }
}
