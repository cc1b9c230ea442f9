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
  void nearRuleNeedsEveryGroupInOneSentenceWithinTheWindow() throws IOException {
    Files.writeString(
        rules.resolve("backstop.yml"),
        """
        rules:
          - id: SG-TEST
            signal: SELF_GUARANTEE
            basis: 国办发〔2016〕21号
            near:
              within: 12
              groups:
                - [公司, 平台]
                - [承担, 兜底]
                - [亏损, 损失]
        """);
    Classifier classifier = new Classifier(load());
    String claim = "配资炒股立即开户，穿仓亏损由公司全额承担，客户零风险。";
    var c = classifier.classify("a", claim);
    assertThat(c.signals()).containsExactly("SELF_GUARANTEE");
    var f = c.findings().stream().filter(x -> x.rule().equals("SG-TEST")).findFirst().get();
    assertThat(f.text()).isEqualTo("亏损由公司全额承担");
    assertThat(claim.substring(f.start(), f.end())).isEqualTo(f.text());
    // Denied, split across sentences, or too far apart: no finding.
    assertThat(classifier.classify("b", "配资炒股立即开户，公司不承担任何亏损。").signals())
        .doesNotContain("SELF_GUARANTEE");
    assertThat(classifier.classify("c", "配资炒股立即开户，亏损自负。公司承担手续费。").signals())
        .doesNotContain("SELF_GUARANTEE");
    assertThat(classifier.classify("d", "配资炒股立即开户，公司提供交易账户和行情软件并承担服务器费用，亏损自负").signals())
        .doesNotContain("SELF_GUARANTEE");
  }

  @Test
  void patternRuleRunsOnNormalisedTextAndReportsOriginalOffsets() throws IOException {
    Files.writeString(
        rules.resolve("names.yml"),
        """
        rules:
          - id: RN-TEST
            signal: RESTRICTED_NAME
            basis: 国办发〔2016〕21号
            pattern: '\\p{IsHan}{2,4}(财富管理|p2p)(有限公司|平台)'
            anchors: [财富管理, p2p]
            except: [理财产品]
        """);
    Classifier classifier = new Classifier(load());
    String text = "欢迎投资！鑫盛財富管理有限公司，年化8%，立即注册；眾鑫P2P平台同步上线。";
    var c = classifier.classify("a", text);
    assertThat(c.findings())
        .filteredOn(f -> f.rule().equals("RN-TEST"))
        .extracting(f -> f.text())
        .containsExactly("鑫盛財富管理有限公司", "眾鑫P2P平台");
    c.findings().forEach(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo(f.text()));
  }

  @Test
  void patternsSeeTheWholeTextAroundTheirAnchorsWindow() throws IOException {
    Files.writeString(
        rules.resolve("names.yml"),
        """
        rules:
          - id: RN-LINE-START
            signal: RESTRICTED_NAME
            basis: 国办发〔2016〕21号
            pattern: '(?m)^\\p{IsHan}{2,4}理财'
            anchors: [理财]
        """);
    Classifier classifier = new Classifier(load());
    // The anchor's window starts mid-line, far from the line start: ^ must not match there.
    // (Findings are reported on solicitations only, hence the offer after the name.)
    String filler = "今天天气很好我们一起去公园散步看看花草树木".repeat(4);
    String offer = "：年化收益8%，立即注册投资！";
    var midLine = classifier.classify("a", filler + "鑫盛理财" + offer);
    assertThat(midLine.findings()).filteredOn(f -> f.rule().equals("RN-LINE-START")).isEmpty();
    var lineStart = classifier.classify("b", filler + "\n鑫盛理财" + offer);
    assertThat(lineStart.findings())
        .filteredOn(f -> f.rule().equals("RN-LINE-START"))
        .extracting(f -> f.start())
        .containsExactly(filler.length() + 1);
  }

  @Test
  void aPatternIsTriedOnlyWithinItsReachOfAnAnchor() throws IOException {
    // The same shape twice: reaching 10 characters past its anchor, and given a reach of 4.
    Files.writeString(
        rules.resolve("names.yml"),
        """
        rules:
          - id: RN-WIDE
            signal: RESTRICTED_NAME
            basis: 国办发〔2016〕21号
            pattern: '理财[\\p{IsHan}]{8}有限公司'
            anchors: [理财]
          - id: RN-NEAR
            signal: RESTRICTED_NAME
            basis: 国办发〔2016〕21号
            pattern: '理财[\\p{IsHan}]{8}有限公司'
            anchors: [理财]
            reach: 4
        """);
    var c = new Classifier(load()).classify("a", "鑫盛理财投资顾问咨询服务有限公司：年化收益8%，立即注册投资！");
    assertThat(c.findings())
        .extracting(f -> f.rule())
        .contains("RN-WIDE")
        .doesNotContain("RN-NEAR");
    // Each side on its own: a brand of up to 4 characters before the anchor, 10 after it.
    Files.writeString(
        rules.resolve("names.yml"),
        """
        rules:
          - id: RN-SIDES
            signal: RESTRICTED_NAME
            basis: 国办发〔2016〕21号
            pattern: '[\\p{IsHan}]{2,4}理财[\\p{IsHan}]{8}有限公司'
            anchors: [理财]
            reach: [4, 12]
          - id: RN-SHORT-BEFORE
            signal: RESTRICTED_NAME
            basis: 国办发〔2016〕21号
            pattern: '[\\p{IsHan}]{2,4}理财[\\p{IsHan}]{8}有限公司'
            anchors: [理财]
            reach: [1, 12]
        """);
    var sides = new Classifier(load()).classify("a", "鑫盛理财投资顾问咨询服务有限公司：年化收益8%，立即注册投资！");
    assertThat(sides.findings())
        .filteredOn(f -> f.rule().equals("RN-SIDES"))
        .singleElement()
        .satisfies(f -> assertThat(f.text()).isEqualTo("鑫盛理财投资顾问咨询服务有限公司"));
    assertThat(sides.findings()).extracting(f -> f.rule()).doesNotContain("RN-SHORT-BEFORE");
    Files.writeString(
        rules.resolve("names.yml"),
        """
        rules:
          - id: RN-BAD
            signal: RESTRICTED_NAME
            basis: x
            pattern: '理财'
            anchors: [理财]
            reach: far
          - id: RN-BAD-SIDES
            signal: RESTRICTED_NAME
            basis: x
            pattern: '理财'
            anchors: [理财]
            reach: [4]
          - id: GR-REACH
            category: GUARANTEED_RETURN
            basis: x
            phrases: [保本保息]
            reach: 4
        """);
    assertThatThrownBy(this::load)
        .hasMessageContaining(
            "RN-BAD: 'reach' must be a whole number of characters, 1-500, or [before, after],"
                + " each 0-500, got far")
        .hasMessageContaining("RN-BAD-SIDES: 'reach' must be")
        .hasMessageContaining("GR-REACH: 'reach' applies to 'pattern' only");
  }

  @Test
  void homophonesApplyToPhrasesOnly() throws IOException {
    Files.writeString(
        rules.resolve("sound.yml"),
        """
        rules:
          - id: HY-SOUND
            signal: HIGH_YIELD
            basis: x
            homophones: true
            yield_threshold_percent: 10
        """);
    assertThatThrownBy(this::load)
        .hasMessageContaining("sound.yml: rule HY-SOUND: 'homophones' applies to 'phrases' only");
    Files.writeString(
        rules.resolve("sound.yml"),
        """
        rules:
          - id: GR-SOUND
            category: GUARANTEED_RETURN
            basis: x
            homophones: yes please
            phrases: [保本保息]
        """);
    assertThatThrownBy(this::load).hasMessageContaining("'homophones' must be true or false");
  }

  @Test
  void badPatternAndMissingAnchorsAreReported() throws IOException {
    Files.writeString(
        rules.resolve("names.yml"),
        """
        rules:
          - id: RN-BAD
            signal: RESTRICTED_NAME
            basis: x
            pattern: '(财富管理'
            anchors: [财富管理]
        """);
    assertThatThrownBy(this::load)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "names.yml: rule RN-BAD: 'pattern' is not a valid regular expression");
    Files.writeString(
        rules.resolve("names.yml"),
        """
        rules:
          - id: RN-BARE
            signal: RESTRICTED_NAME
            basis: x
            pattern: '财富管理'
        """);
    assertThatThrownBy(this::load).hasMessageContaining("RN-BARE: a 'pattern' needs 'anchors'");
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
        .hasMessageContaining(
            "give exactly one of 'phrases', 'near', 'pattern', 'yield_threshold_percent',"
                + " 'operator_not_licensed', 'ad_lacks', 'ad_unlabelled'");
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

  @Test
  void everyProblemOfEveryPackIsReportedAtOnce() throws IOException {
    Files.writeString(
        rules.resolve("a.yml"),
        """
        rules:
          - id: A-1
            category: GUARANTEED
            basis: x
            phrases: [保本]
          - id: A-2
            signal: HIGH_YIELD
            basis: x
            phrases: [高收益]
          - id: A-3
            signal: HIGH_YIELD
            phrases: [年化收益]
        """);
    Files.writeString(rules.resolve("b.yml"), "rules:\n  - id: X\n    phrases: [保本\n");
    assertThatThrownBy(this::load)
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage().lines())
                    .hasSize(3)
                    .anySatisfy(l -> assertThat(l).contains("a.yml: rule A-1: unknown category"))
                    .anySatisfy(l -> assertThat(l).contains("a.yml: rule A-3: 'basis'"))
                    .anySatisfy(l -> assertThat(l).matches(".*b\\.yml:\\d+: .*")));
  }
}
