package org.finpatrol.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every broken configuration file is reported, each with its file, in one go. */
class ConfigCheckTest {

  @TempDir Path work;
  private Path config;
  private AppPaths paths;

  @BeforeEach
  void copyTheShippedConfiguration() throws IOException {
    config = work.resolve("config");
    TestData.copyConfig(config);
    paths = new AppPaths(work.resolve("data"), config);
  }

  @Test
  void theShippedConfigurationIsSound() {
    assertThat(ConfigCheck.problems(paths)).isEmpty();
  }

  @Test
  void eachBrokenFileIsNamedAndAllAreReportedTogether() throws IOException {
    Files.writeString(
        config.resolve("licences.csv"), "鑫汇通理财,,wealth,,\n", StandardOpenOption.APPEND);
    Files.writeString(config.resolve("rules/broken.yml"), "rules:\n  - id: [unclosed\n");
    Files.writeString(config.resolve("risk.yml"), "bands:\n  red: 30\n  yellow: 50\n");
    Files.writeString(
        config.resolve("schedules.yml"), "schedules:\n  - group: default\n    cron: nightly\n");
    Files.writeString(config.resolve("retention.yml"), "pages_days: 0\n");

    List<String> problems = ConfigCheck.problems(paths);

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("licences.csv:").contains("'wealth'"))
        .anySatisfy(p -> assertThat(p).contains("broken.yml:"))
        .anySatisfy(p -> assertThat(p).contains("risk.yml").contains("yellow"))
        .anySatisfy(p -> assertThat(p).contains("schedules.yml:3:").contains("cron 'nightly'"))
        .anySatisfy(p -> assertThat(p).contains("retention.yml").contains("pages_days"));
    assertThat(problems).hasSize(5);
  }

  @Test
  void aBadUnitsFileIsNamed() throws IOException {
    Files.writeString(config.resolve("units.yml"), "units: [comms\n");
    assertThat(ConfigCheck.problems(paths))
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).contains("units.yml"));
  }

  @Test
  void severalProblemsInOneFileAreEachListed() throws IOException {
    Files.writeString(
        config.resolve("licences.csv"), "鑫汇通理财,,wealth,,\n稳盈宝,,,,\n", StandardOpenOption.APPEND);
    Files.writeString(
        config.resolve("rules/local.yml"),
        """
        rules:
          - id: LOCAL-1
            category: GUARANTEED
            basis: x
            phrases: [保本]
          - id: LOCAL-2
            signal: HIGH_YIELD
            phrases: [高收益]
        """);

    List<String> problems = ConfigCheck.problems(paths);

    assertThat(problems.stream().filter(p -> p.contains("licences.csv:"))).hasSize(2);
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("local.yml:2: rule LOCAL-1"))
        .anySatisfy(p -> assertThat(p).contains("local.yml:6: rule LOCAL-2"))
        .hasSize(4);
  }

  @Test
  void everyBadValueOfRiskAndRetentionIsListed() throws IOException {
    Files.writeString(
        config.resolve("risk.yml"),
        "bands:\n  red: 300\nfacts:\n  no_icp_number: 十\nescalation: [1]\n");
    Files.writeString(
        config.resolve("retention.yml"), "pages_days: 0\nclosed_case_days: -1\nkeep: yes\n");

    List<String> problems = ConfigCheck.problems(paths);

    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains("risk.yml:2: bands.red must be a whole number"))
        .anySatisfy(p -> assertThat(p).contains("risk.yml:4: facts.no_icp_number"))
        .anySatisfy(p -> assertThat(p).contains("risk.yml:5: 'escalation' must be a mapping"))
        .anySatisfy(p -> assertThat(p).contains("retention.yml:1: pages_days"))
        .anySatisfy(p -> assertThat(p).contains("retention.yml:2: closed_case_days"))
        .anySatisfy(p -> assertThat(p).contains("retention.yml:3: unknown key 'keep'"))
        .hasSize(6);
  }

  @Test
  void everyProblemOfTheUnitsFileIsListedOnce() throws IOException {
    String units = Files.readString(config.resolve("units.yml"));
    Files.writeString(
        config.resolve("units.yml"),
        units
            .replace("escalation: finance-office", "escalation: mayor")
            .replace("  unit: police", "  unit: sheriff")
            .replace("HIGH_YIELD: [market]", "HIGH_YIELD: [market, nobody]"));
    assertThat(ConfigCheck.problems(paths))
        .anySatisfy(p -> assertThat(p).containsPattern("units.yml:\\d+: escalation 'mayor'"))
        .anySatisfy(p -> assertThat(p).containsPattern("units.yml:\\d+: police.unit 'sheriff'"))
        .anySatisfy(p -> assertThat(p).contains("signals.HIGH_YIELD names unit 'nobody'"))
        .hasSize(3);

    Files.writeString(config.resolve("units.yml"), "units: [comms\n");
    assertThat(ConfigCheck.problems(paths)).hasSize(1);
  }

  @Test
  void theUnitsFileProblemsCarryTheirLines() throws IOException {
    List<String> lines = Files.readAllLines(config.resolve("units.yml"));
    int police = lines.indexOf("police:") + 2; // "  unit: police" follows "police:"
    Files.writeString(
        config.resolve("units.yml"),
        Files.readString(config.resolve("units.yml")).replace("  unit: police", "  unit: sheriff"));
    assertThat(ConfigCheck.problems(paths))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("units.yml:" + police + ": police.unit 'sheriff'"));
  }

  @Test
  void everyBadSeedOfTheSeedListsIsListedWithItsLine() throws IOException {
    Files.writeString(
        config.resolve("seeds/county.txt"),
        """
        # 县级平台
        https://www.example.cn/
        ftp://files.example.cn/
        https://
        http://bad host.example.cn/
        """);

    assertThat(ConfigCheck.problems(paths))
        .containsExactly(
            config.resolve("seeds/county.txt")
                + ":3: seed 'ftp://files.example.cn/': only http and https URLs can be patrolled",
            config.resolve("seeds/county.txt")
                + ":4: seed 'https://': not a valid URL (Expected authority)",
            config.resolve("seeds/county.txt")
                + ":5: seed 'http://bad host.example.cn/': not a valid URL (Illegal character in"
                + " authority)");
  }
}
