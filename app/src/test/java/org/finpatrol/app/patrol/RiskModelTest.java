package org.finpatrol.app.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.finpatrol.classifier.Labels;
import org.finpatrol.classifier.rules.RulePackLoader;
import org.finpatrol.classifier.rules.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskModelTest {

  private static RuleSet rules;

  @BeforeAll
  static void load() throws IOException {
    rules = new RulePackLoader(Labels.CATEGORIES, Labels.SIGNALS).load(Path.of("../config/rules"));
  }

  private static HostLabels host(int flaggedPages, boolean icp, int adsElsewhere, String... ids) {
    Set<String> categories = Set.of(Labels.GUARANTEED_RETURN);
    return new HostLabels(
        "xinsheng.test", 5, flaggedPages, categories, Set.of(), Set.of(ids), icp, adsElsewhere);
  }

  @Test
  void weightsThenSiteFactsEachWithAReason() {
    RiskModel model = new RiskModel(rules, RiskSettings.DEFAULTS);
    // GR (40) on three pages, no ICP number, two flagged ads elsewhere leading here.
    Platform p = model.score(host(3, false, 2, "GR-PRINCIPAL-AND-INTEREST"));
    assertThat(p.reasons())
        .containsExactly(
            "GUARANTEED_RETURN +40",
            "3 flagged pages +10",
            "no ICP number +10",
            "flagged ads elsewhere leading here: 2 +10");
    assertThat(p.risk()).isEqualTo(70);
    assertThat(p.band()).isEqualTo("red");
    assertThat(p.categories()).contains(Labels.SUSPICIOUS_PLATFORM);

    Platform withIcp = model.score(host(1, true, 0, "GR-PRINCIPAL-AND-INTEREST"));
    assertThat(withIcp.risk()).isEqualTo(40);
    assertThat(withIcp.band()).isEqualTo("yellow");
    assertThat(withIcp.categories()).doesNotContain(Labels.SUSPICIOUS_PLATFORM);
    assertThat(model.score(host(0, false, 0)).reasons()).isEmpty();
  }

  @Test
  void bandsAndFactsComeFromRiskYml(@TempDir Path dir) throws IOException {
    Path yml = dir.resolve("risk.yml");
    Files.writeString(yml, "bands:\n  red: 40\n  yellow: 20\nfacts:\n  no_icp_number: 0\n");
    RiskSettings settings = RiskSettings.load(yml);
    Platform p =
        new RiskModel(rules, settings).score(host(1, false, 0, "GR-PRINCIPAL-AND-INTEREST"));
    assertThat(p.risk()).isEqualTo(40);
    assertThat(p.band()).isEqualTo("red");
    assertThat(p.reasons()).containsExactly("GUARANTEED_RETURN +40");
    assertThat(RiskSettings.load(dir.resolve("none.yml"))).isEqualTo(RiskSettings.DEFAULTS);
    assertThat(RiskSettings.load(Path.of("../config/risk.yml"))).isEqualTo(RiskSettings.DEFAULTS);
  }

  @Test
  void badValuesAreNamed(@TempDir Path dir) throws IOException {
    Path yml = dir.resolve("risk.yml");
    Files.writeString(yml, "bands:\n  red: lots\n");
    assertThatThrownBy(() -> RiskSettings.load(yml))
        .hasMessage(yml + ": bands.red must be a whole number 0-100, got lots");
    Files.writeString(yml, "bands:\n  red: 30\n  yellow: 50\n");
    assertThatThrownBy(() -> RiskSettings.load(yml))
        .hasMessage(yml + ": bands.yellow (50) must not be over bands.red (30)");
    Files.writeString(yml, "facts: [1, 2]\n");
    assertThatThrownBy(() -> RiskSettings.load(yml))
        .hasMessageContaining("'facts' must be a mapping");
  }

  @Test
  void redOrFastGrowingPlatformsAreEscalated() {
    RiskSettings d = RiskSettings.DEFAULTS;
    Platform red =
        new Platform("a.test", 85, "red", List.of("GUARANTEED_RETURN"), List.of(), 9, 9, List.of());
    Platform yellow =
        new Platform(
            "b.test", 45, "yellow", List.of("GUARANTEED_RETURN"), List.of(), 9, 9, List.of());
    assertThat(QueueTasklet.escalation(red, -1, 9, d)).isEqualTo("red band, risk 85");
    assertThat(QueueTasklet.escalation(yellow, 2, 9, d))
        .isEqualTo("fast-growing: 2 → 9 flagged pages since the last patrol");
    assertThat(QueueTasklet.escalation(yellow, 5, 9, d)).as("less than doubled").isNull();
    assertThat(QueueTasklet.escalation(yellow, 1, 4, d)).as("fewer than 5 new").isNull();
    assertThat(QueueTasklet.escalation(yellow, -1, 30, d)).as("first seen").isNull();
    assertThat(QueueTasklet.escalation(yellow, 0, 5, d)).isNotNull();
  }

  @Test
  void anAdsRiskFollowsItsCategoriesAndSignals() {
    org.finpatrol.review.Evidence e =
        new org.finpatrol.review.Evidence(
            "http://a.test/", "w.warc.gz", "<urn:uuid:1>", "0".repeat(64), java.time.Instant.EPOCH);
    FlaggedAd unlicensed =
        new FlaggedAd(
            1,
            "年化8%",
            null,
            null,
            Set.of("UNLICENSED_SOLICITATION"),
            List.of("MISSING_RISK_WARNING"),
            "a.test",
            e);
    FlaggedAd both =
        new FlaggedAd(
            2,
            "保本保息",
            null,
            null,
            Set.of("GUARANTEED_RETURN", "UNLICENSED_SOLICITATION"),
            List.of("HIGH_YIELD", "MISSING_RISK_WARNING", "UNLABELED_AD", "RESTRICTED_NAME"),
            "a.test",
            e);
    assertThat(QueueTasklet.adRisk(unlicensed)).isEqualTo(40);
    assertThat(QueueTasklet.adRisk(both)).isEqualTo(100);
  }
}
