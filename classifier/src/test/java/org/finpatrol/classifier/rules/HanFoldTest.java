package org.finpatrol.classifier.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.finpatrol.classifier.Labels;
import org.junit.jupiter.api.Test;

/** The folded form of a pattern finds what the pattern finds, where it finds it. */
class HanFoldTest {

  private static final String NAME = "[\\p{IsHan}&&[^的了是为系险投]]{2,4}(?:投资管理|理财|金融)(?:有限公司|公司|平台)";

  @Test
  void aRestrictedNameIsFoundAsBeforeAndAFunctionWordStillBreaksIt() {
    HanFold fold = HanFold.of(NAME);
    assertThat(fold).isNotNull();
    assertThat(matches(fold, "这是鑫盛投资管理有限公司官网"))
        .containsExactly("鑫盛投资管理有限公司"); // 投: listed, and in the word
    assertThat(matches(fold, "这是理财平台")).isEmpty(); // 是 is no brand's
    assertThat(matches(fold, "零风险理财平台")).isEmpty(); // nor 险
    assertThat(fold.apply("鑫盛理财")).isEqualTo("鑫盛理财"); // nothing listed: the same string
    // 的, first listed, stands in as the first private-use character; the text's own one cannot
    // pass for it.
    assertThat(fold.apply("的\uE000")).isEqualTo("\uE000\uFFFD");
  }

  @Test
  void patternsThatLookAtUnicodePropertiesElsewhereAreNotFolded() {
    assertThat(HanFold.of("\\p{IsHan}{2}理财")).isNull(); // no class of the kind
    assertThat(HanFold.of(NAME + "\\p{IsHan}")).isNull();
    assertThat(HanFold.of(NAME + "\\b")).isNull();
    assertThat(HanFold.of("(?U)" + NAME)).isNull();
    assertThat(HanFold.of(NAME + "\\u7684")).isNull(); // 的, written as an escape
    assertThat(HanFold.of(NAME + "|[\\p{IsHan}&&[^的]]理财")).isNull(); // two different lists
    assertThat(HanFold.of("(?m)^\\s*" + NAME)).isNotNull();
  }

  /**
   * Every pattern of the shipped rule packs that folds, on random text made of its listed
   * characters, other Han characters, the words the patterns look for, punctuation, line breaks and
   * private-use characters: the same matches at the same offsets.
   */
  @Test
  void theShippedPatternsFindTheSameMatchesFolded() throws Exception {
    RuleSet rules =
        new RulePackLoader(Labels.CATEGORIES, Labels.SIGNALS).load(Path.of("../config/rules"));
    List<Trigger.Regex> folded = new ArrayList<>();
    for (Rule rule : rules.rules()) {
      if (rule.trigger() instanceof Trigger.Regex regex && regex.fold() != null) {
        folded.add(regex);
      }
    }
    assertThat(folded).hasSizeGreaterThanOrEqualTo(4); // the restricted-name patterns
    String listed = folded.get(0).fold().listed();
    String[] pieces = {
      "鑫", "盛", "宝", "华", "融", "通", "金融", "理财", "基金", "投资管理", "财富管理", "交易中心", "有限公司", "公司", "平台",
      "服务", "销售", "p2p", " ", "\n", "，", "：", "|", "(", "\uE001", "\uFFFD", "a"
    };
    Random random = new Random(20261203);
    int compared = 0;
    int withMatches = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(14);
      for (int i = 0; i < length; i++) {
        text.append(
            random.nextInt(3) == 0
                ? String.valueOf(listed.charAt(random.nextInt(listed.length())))
                : pieces[random.nextInt(pieces.length)]);
      }
      for (Trigger.Regex regex : folded) {
        List<String> plain = spans(regex.pattern().matcher(text));
        List<String> viaFold =
            spans(regex.fold().pattern().matcher(regex.fold().apply(text.toString())));
        assertThat(viaFold).as("%s on %s", regex.pattern(), text).isEqualTo(plain);
        compared++;
        withMatches += plain.isEmpty() ? 0 : 1;
      }
    }
    assertThat(compared).isGreaterThanOrEqualTo(80_000);
    assertThat(withMatches).as("texts where a pattern matched").isGreaterThan(1_000);
  }

  private static List<String> matches(HanFold fold, String text) {
    Matcher m = fold.pattern().matcher(fold.apply(text));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(text.substring(m.start(), m.end()));
    }
    return out;
  }

  private static List<String> spans(Matcher m) {
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.start() + "-" + m.end());
    }
    return out;
  }
}
