package org.finpatrol.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The command-line contract for the commands that run without Spring: output and exit codes. */
class CliTest {

  private static final String CONFIG = "../config";

  // Removed in removeData() (TestData says why: some commands open the embedded database).
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.NEVER)
  Path data;

  @org.junit.jupiter.api.AfterEach
  void removeData() throws Exception {
    org.finpatrol.app.TestData.remove(data);
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "--data";
    all[1] = data.toString();
    all[2] = "--config";
    all[3] = CONFIG;
    System.arraycopy(args, 0, all, 4, args.length);
    return CliRun.of(all);
  }

  private static JsonNode json(String line) {
    return Json.mapper().readTree(line);
  }

  @Test
  void classifyJsonlPrintsTheContractFieldsAndSkipsBadLinesWithExit2() throws IOException {
    Path input = data.resolve("in.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            "{\"id\":\"a\",\"text\":\"本平台承诺保本保息，年化收益15%，立即投资\"}",
            "{\"id\":\"b\",\"text\":\"警方提醒：谨防以“保本保息”为名的非法集资\"}",
            "this is not json",
            "{\"id\":\"c\",\"html\":\"<html><body><p>稳赚不赔，月息2分，加微信了解</p></body></html>\"}",
            "{\"text\":\"no id\"}",
            ""),
        StandardCharsets.UTF_8);
    CliRun r = run("classify", "--jsonl", input.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    String[] lines = r.out.strip().split("\n");
    assertThat(lines).hasSize(3);
    JsonNode a = json(lines[0]);
    assertThat(a.propertyNames())
        .containsExactly(
            "id", "guaranteed_return", "financial_solicitation", "signals", "findings", "model");
    assertThat(a.get("guaranteed_return").asBoolean()).isTrue();
    assertThat(a.get("signals").get(0).asString()).isEqualTo("HIGH_YIELD");
    JsonNode finding = a.get("findings").get(0);
    assertThat(finding.propertyNames())
        .containsExactly("rule", "category", "signal", "start", "end", "text", "basis");
    assertThat(json(lines[1]).get("guaranteed_return").asBoolean()).isFalse();
    assertThat(json(lines[2]).get("id").asString()).isEqualTo("c");
    assertThat(json(lines[2]).get("guaranteed_return").asBoolean()).isTrue();
    assertThat(r.err)
        .contains("in.jsonl:3: not a JSON object")
        .contains("in.jsonl:5: missing \"id\"");
  }

  @Test
  void classifyReadsWholeFilesAndHtml() throws IOException {
    Path html = data.resolve("page.html");
    Files.writeString(
        html,
        "<!DOCTYPE html><html><head><title>鑫盛理财</title></head><body><p>保 本 保 息，欢迎咨询0392-3208867</p></body></html>");
    CliRun r = run("classify", html.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode c = json(r.out.strip());
    assertThat(c.get("id").asString()).endsWith("page.html");
    assertThat(c.get("guaranteed_return").asBoolean()).isTrue();
  }

  @Test
  void evaluateScoresLabelledLinesAndNamesTheBadOnes() throws IOException {
    Path labelled = data.resolve("labelled.jsonl");
    Files.writeString(
        labelled,
        String.join(
            "\n",
            "{\"id\":\"t1\",\"kind\":\"ad\",\"text\":\"本平台承诺保本保息，年化收益15%，立即投资\","
                + "\"guaranteed_return\":true,\"financial_solicitation\":true,"
                + "\"signals\":[\"HIGH_YIELD\"]}",
            "{\"id\":\"t2\",\"kind\":\"news\",\"text\":\"警方提醒：谨防以“保本保息”为名的非法集资\","
                + "\"guaranteed_return\":false,\"financial_solicitation\":false,\"signals\":[]}",
            // Labelled wrongly on purpose: the classifier finds a claim the label denies.
            "{\"id\":\"t3\",\"kind\":\"ad\",\"text\":\"稳赚不赔，月息2分，加微信了解\","
                + "\"guaranteed_return\":false,\"financial_solicitation\":true,"
                + "\"signals\":[\"HIGH_YIELD\"]}",
            "{\"id\":\"t4\",\"text\":\"x\",\"guaranteed_return\":\"yes\","
                + "\"financial_solicitation\":false}",
            "{\"id\":\"t5\",\"text\":\"x\",\"guaranteed_return\":false,"
                + "\"financial_solicitation\":false,\"signals\":[\"NO_SUCH_SIGNAL\"]}",
            "not json at all",
            ""),
        StandardCharsets.UTF_8);
    CliRun r = run("evaluate", "--mistakes", labelled.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.err)
        .contains("labelled.jsonl:4: needs true or false for \"guaranteed_return\" (line skipped)")
        .contains("labelled.jsonl:5: unknown signal \"NO_SUCH_SIGNAL\"")
        .contains("labelled.jsonl:6: not JSON");
    assertThat(r.out).startsWith("3 examples");
    // t1 and t3 are claims the rules find; t3's label says otherwise, so precision is 1 of 2.
    assertThat(r.out)
        .containsPattern("guaranteed_return\\s+0\\.500\\s+1\\.000\\s+0\\.667\\s+1\\s+1\\s+0")
        .containsPattern("HIGH_YIELD\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+2\\s+0\\s+0")
        .contains("news/notice false positives: 0 of 1 (0.0%)")
        .contains("t3 false guaranteed_return");
  }

  @Test
  void evaluateWithNothingToScoreIsBadInput() {
    CliRun r = CliRun.withStdin("\n\n", "--config", CONFIG, "evaluate");
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.err.strip()).isEqualTo("finpatrol evaluate: no labelled examples");
  }

  @Test
  void classifyNamesTheOperatorUnlicensedAndABadRegistryIsBadInput() throws IOException {
    CliRun ok = CliRun.withStdin("鑫汇通理财：年化收益8%，立即投资", "--config", CONFIG, "classify");
    assertThat(ok.exit).as(ok.toString()).isZero();
    List<JsonNode> unlicensed = new ArrayList<>();
    json(ok.out.strip())
        .get("findings")
        .forEach(
            f -> {
              if (f.get("category").asString("").equals("UNLICENSED_SOLICITATION")) {
                unlicensed.add(f);
              }
            });
    assertThat(unlicensed)
        .singleElement()
        .satisfies(f -> assertThat(f.get("text").asString()).isEqualTo("鑫汇通理财"));

    Path config = data.resolve("config");
    Files.createDirectories(config.resolve("rules"));
    try (var packs = Files.list(Path.of(CONFIG, "rules"))) {
      for (Path pack : (Iterable<Path>) packs::iterator) {
        Files.copy(pack, config.resolve("rules").resolve(pack.getFileName().toString()));
      }
    }
    Files.writeString(
        config.resolve("licences.csv"),
        "name,aliases,licence_type,licence_number,custody_banks\n鑫汇通理财,,wealth,,\n");
    CliRun bad = CliRun.withStdin("年化收益8%", "--config", config.toString(), "classify");
    assertThat(bad.exit).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err.strip())
        .startsWith("finpatrol classify: ")
        .contains("licences.csv:2: unknown licence type 'wealth'");
  }

  @Test
  void trainWritesAModelThatClassifyThenUses() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (String p : new String[] {"稳盈宝", "鑫利通", "汇金计划", "福满仓", "聚财一号", "安心投"}) {
      jsonl.append(example(p + "躺着收钱，年年有余，欢迎加入", true, true));
      jsonl.append(example(p + "，躺着收钱不用愁，立即加入", true, true));
      jsonl.append(example(p + "理财，收益浮动，投资有风险，欢迎咨询", false, true));
      jsonl.append(example(p + "周末亲子活动，欢迎报名参加", false, false));
    }
    jsonl.append("{\"id\":\"broken\"\n");
    Path training = data.resolve("training.jsonl");
    Files.writeString(training, jsonl);
    Path model = data.resolve("model");
    CliRun r = run("train", "--output", model.toString(), "--folds", "3", training.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.err).contains("training.jsonl:25: not JSON");
    assertThat(r.out)
        .startsWith("24 examples (12 guaranteed_return, 18 financial_solicitation)")
        .contains("rules + model (3-fold cross-validation)")
        .contains("written to " + model);
    assertThat(model.resolve("guaranteed_return.bin")).isRegularFile();

    // A configuration whose model is this one: the model adds what no rule knows, and says so.
    Path config = data.resolve("config");
    Files.createDirectories(config.resolve("rules"));
    try (var packs = Files.list(Path.of(CONFIG, "rules"))) {
      for (Path pack : (Iterable<Path>) packs::iterator) {
        Files.copy(pack, config.resolve("rules").resolve(pack.getFileName().toString()));
      }
    }
    Files.move(model, config.resolve("model"));
    CliRun c =
        CliRun.withStdin("新品上线：躺着收钱，100元起投，立即加入！", "--config", config.toString(), "classify");
    assertThat(c.exit).as(c.toString()).isZero();
    JsonNode verdict = json(c.out.strip());
    assertThat(verdict.get("guaranteed_return").asBoolean()).isTrue();
    assertThat(verdict.get("model").get("added").get(0).asString()).isEqualTo("guaranteed_return");
    assertThat(verdict.get("model").get("guaranteed_return").asDouble()).isGreaterThan(0.8);
  }

  private static String example(String text, boolean guaranteed, boolean solicits) {
    return "{\"id\":\"x\",\"kind\":\"ad\",\"text\":\""
        + text
        + "\",\"guaranteed_return\":"
        + guaranteed
        + ",\"financial_solicitation\":"
        + solicits
        + ",\"signals\":[]}\n";
  }

  @Test
  void classifyJsonlAdsGetTheAdChecks() throws IOException {
    Path input = data.resolve("ads.jsonl");
    Files.writeString(
        input,
        "{\"id\":\"a1\",\"kind\":\"ad\",\"labelled\":false,\"text\":\"年化收益8%，立即投资\"}\n"
            + "{\"id\":\"p1\",\"text\":\"年化收益8%，立即投资\"}\n"
            + "{\"id\":\"a2\",\"kind\":\"ad\",\"labelled\":\"no\",\"text\":\"x\"}\n");
    CliRun r = run("classify", "--jsonl", input.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    String[] lines = r.out.strip().split("\n");
    assertThat(json(lines[0]).get("signals").toString())
        .contains("MISSING_RISK_WARNING", "UNLABELED_AD");
    assertThat(json(lines[1]).get("signals").toString()).doesNotContain("UNLABELED_AD");
    assertThat(r.err).contains("ads.jsonl:3: \"labelled\" must be true or false");
  }

  @Test
  void analyzePrintsOneLineOfTokensPerInputLine() {
    CliRun r =
        CliRun.withStdin(
            "本平台承诺保本保息\n年化１５％\n\n穩賺不賠\n", "--data", data.toString(), "--config", CONFIG, "analyze");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out.split("\n", -1)).containsExactly("本 平台 承诺 保本保息", "年化 15", "", "稳赚不赔", "");
  }

  @Test
  void unknownOptionIsOneErrorLineAndExit2() {
    CliRun r = run("search", "保本", "--colour");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err.strip().lines()).hasSize(1);
    assertThat(r.err).contains("--colour");
  }

  @Test
  void aPatrolSpreadOverWorkersNeedsASharedDatabase() {
    // The tests run without FINPATROL_DB_URL: the embedded database cannot be shared.
    CliRun r = run("patrol", "--seed", "https://example.cn/", "--partitions", "2");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err.strip()).contains("--partitions 2").contains("FINPATROL_DB_URL");
    assertThat(run("patrol", "--seed", "https://example.cn/", "--partitions", "0").err)
        .contains("--partitions must be 1-1024, got 0");
    CliRun worker = run("worker");
    assertThat(worker.exit).isEqualTo(2);
    assertThat(worker.err.strip()).startsWith("finpatrol worker:").contains("FINPATROL_DB_URL");
  }

  @Test
  void unreadableFileIsNamed() {
    CliRun r = run("classify", data.resolve("missing.txt").toString());
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err.strip()).startsWith("finpatrol classify: cannot read").contains("missing.txt");
  }

  @Test
  void searchBeforeAnyPatrolSaysSo() {
    CliRun r = run("search", "保本保息", "--json");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("no index").contains("run a patrol first");
  }

  @Test
  void badFiltersAreRefusedWithTheAllowedValues() {
    assertThat(run("search", "保本", "--category", "NOPE").err)
        .contains("unknown category or signal 'NOPE'")
        .contains("GUARANTEED_RETURN");
    assertThat(run("search", "保本", "--sort", "fame").err)
        .contains("sort 'fame' is not one of relevance, risk, date");
    assertThat(run("search", "保本", "--from", "2026-13-01").err)
        .contains("from '2026-13-01' is not a date");
    assertThat(run("search", "保本", "--page", "0").exit).isEqualTo(2);
    CliRun unit = run("cases", "--unit", "army");
    assertThat(unit.exit).isEqualTo(2);
    assertThat(unit.err).contains("unknown --unit 'army'").contains("comms");
    assertThat(run("cases", "--status", "OPEN").err).contains("unknown --status 'OPEN'");
  }

  @Test
  void casesOnAFreshDatabaseIsEmptyJson() {
    CliRun r = run("cases", "--json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).isEmpty();
    CliRun overdue = run("cases", "--overdue");
    assertThat(overdue.exit).as(overdue.toString()).isZero();
    assertThat(overdue.out.strip()).isEqualTo("no cases match");
  }

  @Test
  void reportWritesCsvToStdoutAndXlsxToAFile() throws IOException {
    CliRun csv = run("report", "--from", "2026-11-01", "--to", "2026-11-30");
    assertThat(csv.exit).as(csv.toString()).isZero();
    assertThat(csv.out)
        .contains("整治报告 单位=全部 县区=全部 期间=2026-11-01至2026-11-30 案件=0")
        .contains(
            "类别,NEW,IN_REVIEW,CONFIRMED,NOTICE_ISSUED,RECHECK,CLOSED_RECTIFIED,REFERRED,DISMISSED,合计")
        .contains("逾期案件")
        .contains("已办结案件");
    Path xlsx = data.resolve("报告.xlsx");
    CliRun file = run("report", "--unit", "market", "--output", xlsx.toString());
    assertThat(file.exit).as(file.toString()).isZero();
    assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K');
    assertThat(run("report", "--format", "xlsx").err).contains("--format xlsx needs --output FILE");
    assertThat(run("report", "--from", "11/01").err).contains("--from '11/01' is not a date");
    assertThat(run("report", "--unit", "nobody").exit).isEqualTo(2);
  }

  @Test
  void aLockedOrDamagedIndexStopsAPatrolWithOneClearLine() throws Exception {
    Path index = data.resolve("index");
    var segmenter = new org.finpatrol.text.Segmenter(org.finpatrol.text.FinanceDictionary.of());
    try (var held =
        org.finpatrol.indexer.PageIndex.openForWriting(index, segmenter, java.util.Set.of())) {
      CliRun locked = run("patrol", "--seed", "https://xinsheng.example/");
      assertThat(locked.exit).as(locked.toString()).isEqualTo(1);
      assertThat(locked.err).contains("is locked by another FinPatrol process");
    }
    Path segments;
    try (var files = java.nio.file.Files.list(index)) {
      segments =
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().get();
    }
    byte[] bytes = java.nio.file.Files.readAllBytes(segments);
    bytes[bytes.length - 3] ^= 0x5a; // inside the checksum footer
    java.nio.file.Files.write(segments, bytes);

    CliRun damaged = run("patrol", "--seed", "https://xinsheng.example/");
    assertThat(damaged.exit).as(damaged.toString()).isEqualTo(1);
    assertThat(damaged.err)
        .contains("the index " + index)
        .contains("is damaged (its latest commit cannot be read");
  }

  @Test
  void aPagesPerHostLimitBelowOneIsBadInput() {
    CliRun r = run("patrol", "--seed", "https://xinsheng.example/", "--max-pages-per-host", "0");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--max-pages-per-host must be at least 1, got 0");
  }

  @Test
  void threadOptionsAreChecked() {
    CliRun none = run("patrol", "--seed", "https://xinsheng.example/", "--threads", "0");
    assertThat(none.exit).isEqualTo(2);
    assertThat(none.err).contains("--threads must be 1-64, got 0");
    assertThat(run("patrol", "--seed", "https://xinsheng.example/", "--threads-per-host", "0").err)
        .contains("--threads-per-host must be at least 1, got 0");
  }

  @Test
  void privateNetworkSeedIsRefusedBeforeAnythingStarts() {
    CliRun r = run("patrol", "--seed", "http://127.0.0.1:9/");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err.strip().lines()).hasSize(1);
    assertThat(r.err).contains("127.0.0.1").contains("--allow-private-network");
  }

  @Test
  void invalidSeedUrlsAndMissingSeedsAreBadInput() {
    assertThat(run("patrol", "--seed", "ftp://x.test/").err).contains("only http and https");
    assertThat(run("patrol", "--seed", "http://exa mple.test/").exit).isEqualTo(2);
    CliRun none = CliRun.of("--data", data.toString(), "--config", data.toString(), "patrol");
    assertThat(none.exit).isEqualTo(2);
    assertThat(none.err).contains("no seeds");
    assertThat(run("patrol", "--seeds", data.resolve("nope.txt").toString()).err)
        .contains("nope.txt");
    assertThat(run("patrol", "--max-pages", "0", "--seed", "http://x.test/").err)
        .contains("--max-pages");
  }

  @Test
  void everyBadSeedIsListedWithTheLineOfItsFile() throws IOException {
    Path list = data.resolve("平台名单.txt");
    Files.writeString(
        list, "# 名单\nhttps://xinsheng.example/\nftp://x.test/\nhttps://\n", StandardCharsets.UTF_8);
    CliRun r = run("patrol", "--seeds", list.toString(), "--seed", "http://127.0.0.1:9/");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err)
        .contains("3 bad seeds; nothing was started")
        .contains(list + ":3: seed 'ftp://x.test/': only http and https")
        .contains(list + ":4: seed 'https://'")
        .contains("seed 'http://127.0.0.1:9/'");
  }

  @Test
  void badConfiguredSeedsAreListedWithEveryOtherConfigurationProblem() throws IOException {
    Path config = org.finpatrol.app.TestData.copyConfig(data.resolve("config"));
    Files.writeString(config.resolve("seeds/default.txt"), "https://xinsheng.example/\nhttps//坏\n");
    Files.writeString(config.resolve("retention.yml"), "pages_days: 0\n");
    CliRun r = CliRun.of("--data", data.toString(), "--config", config.toString(), "patrol");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err)
        .contains("the configuration has 2 problem(s); nothing was started")
        .contains("default.txt:2: seed 'https//坏'")
        .contains("retention.yml:1: pages_days");
  }

  @Test
  void globalOptionsWorkBeforeAndAfterTheCommand() {
    CliRun after =
        CliRun.withStdin("保本保息\n", "analyze", "--config", CONFIG, "--data", data.toString());
    assertThat(after.exit).as(after.toString()).isZero();
    CliRun badConfig = CliRun.of("--config", data.resolve("nowhere").toString(), "analyze");
    assertThat(badConfig.exit).isEqualTo(2);
    assertThat(badConfig.err).contains("configuration directory").contains("nowhere");
  }
}
