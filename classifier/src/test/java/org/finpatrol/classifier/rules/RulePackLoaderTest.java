package org.finpatrol.classifier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.finpatrol.classifier.Classifier;
import org.finpatrol.classifier.Labels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackLoaderTest {

  @TempDir Path rules;

  @BeforeEach
  void copyShippedContext() throws IOException {
    Files.copy(Path.of("../config/rules/context.yml"), rules.resolve("context.yml"));
  }

  private RuleSet load() throws IOException {
    return new RulePackLoader(Labels.CATEGORIES, Labels.SIGNALS).load(rules);
  }

  @Test
  void anAnalystAddsAPhraseWithoutARebuild() throws IOException {
    Files.writeString(
        rules.resolve("local.yml"),
        """
        rules:
          - id: LOCAL-1
            category: GUARANTEED_RETURN
            basis: 广告法 第二十五条(一)
            phrases: [躺赚无忧]
        """);
    Classifier classifier = new Classifier(load());
    var c = classifier.classify("x", "鑫汇通理财，躺 赚 无 忧，年化8%，立即投资");
    assertThat(c.guaranteedReturn()).isTrue();
    assertThat(c.findings().get(0).rule()).isEqualTo("LOCAL-1");
    assertThat(c.findings().get(0).text()).isEqualTo("躺 赚 无 忧");
  }

  @Test
  void unknownCategoryIsReportedWithFileAndRule() throws IOException {
    Files.writeString(
        rules.resolve("bad.yml"),
        """
        rules:
          - id: BAD-1
            category: GUARANTEED
            basis: x
            phrases: [保本]
        """);
    assertThatThrownBy(this::load)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.yml")
        .hasMessageContaining("BAD-1")
        .hasMessageContaining("unknown category 'GUARANTEED'");
  }

  @Test
  void yamlSyntaxErrorIsReportedWithLine() throws IOException {
    Files.writeString(rules.resolve("broken.yml"), "rules:\n  - id: X\n    phrases: [保本\n");
    assertThatThrownBy(this::load)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching(".*broken\\.yml:\\d+: .*");
  }

  @Test
  void ruleWithoutBasisOrPhrasesIsRefused() throws IOException {
    Files.writeString(
        rules.resolve("nobasis.yml"),
        """
        rules:
          - id: NB-1
            signal: HIGH_YIELD
            phrases: [高收益]
        """);
    assertThatThrownBy(this::load).hasMessageContaining("'basis'");
    Files.writeString(
        rules.resolve("nobasis.yml"),
        """
        rules:
          - id: NB-1
            signal: HIGH_YIELD
            basis: x
        """);
    assertThatThrownBy(this::load)
        .hasMessageContaining("either 'phrases' or 'yield_threshold_percent'");
  }

  @Test
  void duplicateIdsAcrossPacksAreRefused() throws IOException {
    String pack =
        """
        rules:
          - id: DUP
            category: GUARANTEED_RETURN
            basis: x
            phrases: [保本]
        """;
    Files.writeString(rules.resolve("a.yml"), pack);
    Files.writeString(rules.resolve("b.yml"), pack);
    assertThatThrownBy(this::load).hasMessageContaining("'DUP' is used twice");
  }
}
