package org.finpatrol.app.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.finpatrol.app.TestData;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.SearchHit;
import org.finpatrol.indexer.SearchRequest;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A patrol spread over two workers equals a patrol of one process. A site of four hosts (four
 * loopback addresses, so that the hosts fall into both partitions) is patrolled once by {@code
 * finpatrol patrol} alone on the embedded database, and once by {@code finpatrol patrol
 * --partitions 2} with two {@code finpatrol worker} JVMs, over the RabbitMQ broker on
 * 127.0.0.1:5672 and a database of the MariaDB server on 127.0.0.1:3306, sharing one data
 * directory. Pages, findings, cases and the index's documents must be the same, also when a worker
 * is killed in the middle of a partition and another finishes it.
 */
class DistributedPatrolIT {

  static final String SERVER =
      System.getenv().getOrDefault("FINPATROL_IT_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
  static final String USER = System.getenv().getOrDefault("FINPATROL_IT_DB_USER", "root");
  static final String PASSWORD = System.getenv().getOrDefault("FINPATROL_IT_DB_PASSWORD", "");
  static final String BROKER =
      System.getenv().getOrDefault("FINPATROL_IT_BROKER_URL", Broker.DEFAULT_URL);
  static final String TAG = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  static final int HOSTS = 4;
  static final int PAGES_PER_HOST = 6;

  private static final List<WireMockServer> sites = new ArrayList<>();
  private static final List<Process> children = new ArrayList<>();
  private static final List<Path> dirs = new ArrayList<>();
  private static final List<String> databases = new ArrayList<>();
  private static final List<String> queues = new ArrayList<>();
  private static Result expected;

  /** The sites, and what a patrol of one process (embedded database) makes of them. */
  @BeforeAll
  static void patrolAlone() throws Exception {
    for (int h = 1; h <= HOSTS; h++) {
      sites.add(site(h));
    }
    Path alone = newDir("finpatrol-alone");
    String[] single = org.finpatrol.app.patrol.ProductSite.cli(patrolArgs(alone));
    assertThat(single[0]).as(single[1] + single[2]).isEqualTo("0");
    var embedded = org.finpatrol.app.store.DatabaseSettings.from(Map.of(), alone);
    try (Connection c =
        DriverManager.getConnection(embedded.url(), embedded.user(), embedded.password())) {
      expected = Result.of(c, alone);
    }
    assertThat(expected.pages()).hasSize(HOSTS * (PAGES_PER_HOST + 1));
    assertThat(expected.rows()).isEqualTo(expected.pages().size());
    assertThat(expected.cases()).hasSize(HOSTS);
  }

  /** A spread patrol's own database, queue and shared data directory. */
  record Spread(String database, String queue, Path data) {
    static Spread create(String name) throws Exception {
      String database = "finpatrol_dist_" + TAG + "_" + name;
      execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      databases.add(database);
      String queue = "finpatrol.partitions." + TAG + "." + name;
      queues.add(queue);
      return new Spread(database, queue, newDir("finpatrol-" + name));
    }

    Path log(String name) {
      return data.resolveSibling(data.getFileName() + "-" + name + ".log");
    }

    /** Starts workers of these names and waits until each takes partitions. */
    void readyWorkers(String... names) throws Exception {
      List<Process> started = new ArrayList<>();
      for (String name : names) {
        started.add(worker(name));
      }
      for (int i = 0; i < names.length; i++) {
        awaitLog(started.get(i), log(names[i]), "taking partitions");
      }
    }

    Process worker(String name) throws IOException {
      return child(
          List.of("--data", data.toString(), "--config", config(), "worker"), log(name), this);
    }

    Process manager() throws IOException {
      List<String> args = new ArrayList<>(patrolArgs(data));
      args.add("--partitions");
      args.add("2");
      return child(args, log("manager"), this);
    }

    /** Waits for the manager; asserts it completed; returns its output. */
    String completed(Process manager) throws Exception {
      assertThat(manager.waitFor(180, java.util.concurrent.TimeUnit.SECONDS))
          .as("the manager did not finish: " + read(log("manager")))
          .isTrue();
      String out = read(log("manager"));
      assertThat(manager.exitValue()).as(out).isZero();
      assertThat(out).contains("partitions: 2 of 2 hold seed hosts").contains("merge: ");
      return out;
    }

    /** What the spread patrol left equals what one process left. */
    void equalsOneProcess() throws Exception {
      Result distributed;
      try (Connection c = DriverManager.getConnection(SERVER + database, USER, PASSWORD)) {
        distributed = Result.of(c, data);
      }
      assertThat(distributed.pages()).isEqualTo(expected.pages());
      assertThat(distributed.rows()).isEqualTo(expected.rows());
      assertThat(distributed.findings()).isEqualTo(expected.findings());
      assertThat(distributed.cases()).isEqualTo(expected.cases());
      assertThat(distributed.indexed()).isEqualTo(expected.indexed());
      assertThat(distributed.flagged()).isEqualTo(expected.flagged());
      assertThat(data.resolve("partitions")).isEmptyDirectory();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (Process p : children) {
      p.destroyForcibly().waitFor();
    }
    sites.forEach(WireMockServer::stop);
    for (String d : databases) {
      execute("DROP DATABASE IF EXISTS " + d);
    }
    // The queues are durable: left alone, every run of this test would add its own for good.
    var connections = Broker.connections(BROKER);
    try {
      var admin = new org.springframework.amqp.rabbit.core.RabbitAdmin(connections);
      queues.forEach(admin::deleteQueue);
    } finally {
      connections.destroy();
    }
    for (Path d : dirs) {
      TestData.remove(d);
    }
  }

  /**
   * Host 127.0.0.{@code h}: an index of product pages (every third promises 保本保息) and a link to the
   * next host's index, which a partition that does not own that host must leave alone.
   */
  private static WireMockServer site(int h) {
    WireMockServer site = new WireMockServer(wireMockConfig().port(0).bindAddress("127.0.0." + h));
    site.start();
    StringBuilder index = new StringBuilder("<title>平台" + h + "产品列表</title><ul>");
    for (int i = 1; i <= PAGES_PER_HOST; i++) {
      index.append("<li><a href=\"/p/").append(i).append("\">产品").append(i).append("</a></li>");
      String body =
          i % 3 == 0
              ? "<title>平台" + h + "稳盈" + i + "号</title><p>本产品保本保息，年化收益15%，立即投资！</p>"
              : "<title>平台" + h + "产品" + i + "号</title><p>理财产品介绍第" + i + "期，详情请咨询客服。</p>";
      site.stubFor(get(urlEqualTo("/p/" + i)).willReturn(html(body).withFixedDelay(300)));
    }
    site.stubFor(get(urlEqualTo("/")).willReturn(html(index + "</ul>")));
    return site;
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(String b) {
    return aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(b);
  }

  private static List<String> patrolArgs(Path data) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data",
                data.toString(),
                "--config",
                Path.of("../config").toAbsolutePath().toString(),
                "patrol",
                "--allow-private-network",
                "--politeness-ms",
                "0",
                "--max-depth",
                "1"));
    for (int h = 1; h <= HOSTS; h++) {
      args.add("--seed");
      args.add("http://127.0.0." + h + ":" + sites.get(h - 1).port() + "/");
    }
    return args;
  }

  @Test
  void twoWorkersPatrolWhatOneProcessPatrols() throws Exception {
    Spread spread = Spread.create("two");
    spread.readyWorkers("worker1", "worker2");
    spread.completed(spread.manager());
    // Each worker took a partition (a worker takes one at a time, prefetch 1).
    for (String worker : List.of("worker1", "worker2")) {
      assertThat(read(spread.log(worker)))
          .contains("crawl p")
          .contains("COMPLETED")
          .containsPattern("index patrol #\\d+ p\\d/2: done in [0-9.]+ s, \\d+ page\\(s\\)")
          .containsPattern(
              "classify patrol #\\d+ p\\d/2: done in [0-9.]+ s, \\d+ page\\(s\\), \\d+ flagged");
    }
    spread.equalsOneProcess();
    // The workers' evidence is where the manager (and the UI) read it.
    try (var files = Files.list(spread.data().resolve("evidence"))) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .anyMatch(f -> f.contains("-p0-"))
          .anyMatch(f -> f.contains("-p1-"));
    }
  }

  @Test
  void thePartitionsShareThePatrolsPageLimit() throws Exception {
    Spread spread = Spread.create("limit");
    spread.readyWorkers("worker1", "worker2");
    List<String> args = new ArrayList<>(patrolArgs(spread.data()));
    args.addAll(List.of("--partitions", "2", "--max-pages", "10"));
    Process manager = child(args, spread.log("manager"), spread);
    assertThat(manager.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String out = read(spread.log("manager"));
    assertThat(manager.exitValue()).as(out).isZero();
    try (Connection c = DriverManager.getConnection(SERVER + spread.database(), USER, PASSWORD)) {
      long[] pages = {-1};
      long[] taken = {-1};
      query(c, "SELECT COUNT(*) FROM page", rs -> pages[0] = rs.getLong(1));
      query(
          c, "SELECT COALESCE(SUM(taken), 0) FROM partition_pages", rs -> taken[0] = rs.getLong(1));
      // The sites hold 28 pages on 4 hosts; each partition on its own would fetch up to 10.
      assertThat(pages[0]).as(out).isBetween(5L, 10L);
      assertThat(taken[0]).as("the partitions took what they fetched").isEqualTo(pages[0]);
    }
  }

  @Test
  void aPartitionWhoseWorkerIsKilledIsFinishedByAnother() throws Exception {
    Spread spread = Spread.create("killed");
    Process doomed = spread.worker("doomed");
    awaitLog(doomed, spread.log("doomed"), "taking partitions");
    Process manager = spread.manager();
    // Killed in the middle of its first partition's crawl (product pages answer slowly).
    awaitLog(doomed, spread.log("doomed"), "crawl p");
    doomed.destroyForcibly().waitFor();
    String before = read(spread.log("doomed"));
    assertThat(before).doesNotContain("COMPLETED");
    // The broker gives the unacknowledged request to the next worker, which runs the partition's
    // step execution again (its crawl clears what the first one stored), then the other one.
    Process rescuer = spread.worker("rescuer");
    spread.completed(manager);
    String rescued = read(spread.log("rescuer"));
    assertThat(rescued).contains("partition:p0 of patrol").contains("partition:p1 of patrol");
    assertThat(rescuer.isAlive()).isTrue();
    spread.equalsOneProcess();
  }

  @Test
  void aFailedPartitionFailsThePatrolAndResumingSendsItAlone() throws Exception {
    Spread spread = Spread.create("failed");
    // Partition 0 of run 1 cannot make its working directory: a file stands in the way.
    Path blocker = spread.data().resolve("partitions").resolve("run-1-p0");
    Files.createDirectories(blocker.getParent());
    Files.writeString(blocker, "not a directory");
    Process worker = spread.worker("worker");
    awaitLog(worker, spread.log("worker"), "taking partitions");
    Process first = spread.manager();
    assertThat(first.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String failed = read(spread.log("manager"));
    assertThat(first.exitValue()).as(failed).isEqualTo(1);
    assertThat(failed).contains("FAILED");
    String firstRound = read(spread.log("worker"));
    assertThat(firstRound).contains("partition:p0 of patrol #1: FAILED");
    assertThat(firstRound).contains("partition:p1 of patrol #1: COMPLETED");

    Files.delete(blocker);
    Path resumedLog = spread.log("resumed");
    List<String> args =
        List.of("--data", spread.data().toString(), "--config", config(), "patrol", "--restart");
    Process resumed = child(args, resumedLog, spread);
    assertThat(resumed.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String out = read(resumedLog);
    assertThat(resumed.exitValue()).as(out).isZero();
    assertThat(out).contains("resuming it").contains("merge: ");
    // Only the failed partition ran again.
    String secondRound = read(spread.log("worker")).substring(firstRound.length());
    assertThat(secondRound)
        .contains("partition:p0 of patrol #1: COMPLETED")
        .doesNotContain("partition:p1");
    spread.equalsOneProcess();
  }

  @Test
  void aBrokerThatDoesNotAnswerIsOneLineAndNoRun() throws Exception {
    Spread spread = Spread.create("nobroker");
    List<String> args = new ArrayList<>(patrolArgs(spread.data()));
    args.add("--partitions");
    args.add("2");
    Process manager = child(args, spread.log("manager"), spread, "amqp://guest:guest@127.0.0.1:1");
    assertThat(manager.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String out = read(spread.log("manager"));
    assertThat(manager.exitValue()).as(out).isEqualTo(1);
    assertThat(out)
        .contains("finpatrol patrol: the message broker at guest@127.0.0.1:1 does not answer")
        .doesNotContain("patrol #");
    try (Connection c = DriverManager.getConnection(SERVER + spread.database(), USER, PASSWORD)) {
      long[] runs = {-1};
      query(c, "SELECT COUNT(*) FROM patrol_run", rs -> runs[0] = rs.getLong(1));
      assertThat(runs[0]).isZero();
    }
  }

  /** What a patrol left: pages with their status, findings by URL, cases, and the index. */
  record Result(
      Map<String, String> pages,
      long rows,
      Map<String, List<String>> findings,
      Map<String, String> cases,
      TreeSet<String> indexed,
      TreeSet<String> flagged) {

    static Result of(Connection c, Path data) throws Exception {
      Map<String, String> pages = new TreeMap<>();
      long[] rows = {0};
      query(c, "SELECT COUNT(*) FROM page", rs -> rows[0] = rs.getLong(1));
      query(
          c,
          "SELECT url, fetch_status FROM page",
          rs -> pages.put(rs.getString(1), rs.getString(2)));
      Map<String, List<String>> findings = new TreeMap<>();
      query(
          c,
          "SELECT p.url, f.rule_id FROM finding f JOIN page p ON p.id = f.page_id"
              + " ORDER BY p.url, f.rule_id, f.start_offset",
          rs ->
              findings
                  .computeIfAbsent(rs.getString(1), u -> new ArrayList<>())
                  .add(rs.getString(2)));
      Map<String, String> cases = new TreeMap<>();
      query(
          c,
          "SELECT host, kind, categories FROM review_case",
          rs -> cases.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3)));
      TreeSet<String> indexed = new TreeSet<>();
      TreeSet<String> flagged = new TreeSet<>();
      try (PageIndex index =
          PageIndex.openReadOnly(
              data.resolve("index"), new Segmenter(FinanceDictionary.of("保本保息")))) {
        for (SearchHit hit : index.search(SearchRequest.of("产品", 1000)).hits()) {
          indexed.add(hit.url());
        }
        for (SearchHit hit :
            index
                .search(
                    SearchRequest.of("保本保息", 1000)
                        .withLabels(java.util.Set.of("GUARANTEED_RETURN")))
                .hits()) {
          flagged.add(hit.url());
        }
      }
      return new Result(pages, rows[0], findings, cases, indexed, flagged);
    }
  }

  @FunctionalInterface
  interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, Row row) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        row.accept(rs);
      }
    }
  }

  private static String config() {
    return Path.of("../config").toAbsolutePath().toString();
  }

  private static Path newDir(String prefix) throws IOException {
    Path d = Files.createTempDirectory(prefix);
    dirs.add(d);
    return d;
  }

  /** The command line in a child JVM on the MariaDB database and the test's queue. */
  private static Process child(List<String> args, Path log, Spread spread) throws IOException {
    return child(args, log, spread, BROKER);
  }

  private static Process child(List<String> args, Path log, Spread spread, String broker)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Dfinpatrol.partition-queue=" + spread.queue());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.finpatrol.app.Main");
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("FINPATROL_DB_URL", SERVER + spread.database());
    builder.environment().put("FINPATROL_DB_USER", USER);
    builder.environment().put("FINPATROL_DB_PASSWORD", PASSWORD);
    builder.environment().put("FINPATROL_BROKER_URL", broker);
    Process p = builder.start();
    children.add(p);
    return p;
  }

  private static void awaitLog(Process child, Path log, String text) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (!read(log).contains(text) && Instant.now().isBefore(deadline)) {
      assertThat(child.isAlive()).as("ended before '" + text + "': " + read(log)).isTrue();
      Thread.sleep(100);
    }
    assertThat(read(log)).contains(text);
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
