package org.finpatrol.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.ConfigCheck;
import org.finpatrol.app.FinPatrolApplication;
import org.finpatrol.app.patrol.PatrolReport;
import org.finpatrol.app.patrol.PatrolRequest;
import org.finpatrol.app.patrol.PatrolService;
import org.finpatrol.app.patrol.PatrolStore;
import org.finpatrol.app.patrol.SeedLists;
import org.finpatrol.crawler.CrawlSettings;
import org.finpatrol.crawler.Seeds;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code finpatrol patrol}: one patrol run (the Batch job), progress on stderr, summary on stdout.
 */
@Command(
    name = "patrol",
    mixinStandardHelpOptions = true,
    description = "Runs one patrol: crawl, evidence, index, classify, platforms, cases.")
final class PatrolCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Option(names = "--seed", paramLabel = "URL", description = "A seed URL (repeatable).")
  List<String> seeds = new ArrayList<>();

  @Option(
      names = "--seeds",
      paramLabel = "FILE",
      description = "A file of seed URLs, one a line (# comments).")
  Path seedsFile;

  @Option(
      names = "--max-pages",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Pages to fetch at most (default: 1000).")
  int maxPages;

  @Option(
      names = "--max-pages-per-host",
      paramLabel = "N",
      defaultValue = "500",
      description = "Pages to fetch at most from one host, a spider-trap guard (default: 500).")
  int maxPagesPerHost;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "4",
      description = "Fetch threads (default: 4).")
  int threads;

  @Option(
      names = "--threads-per-host",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Fetch threads one host may occupy at once, so a slow host cannot hold them all"
              + " (default: 2; at most --threads).")
  int threadsPerHost;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      defaultValue = "2",
      description = "Link depth from the seeds; 0 = seeds only (default: 2).")
  int maxDepth;

  @Option(
      names = "--politeness-ms",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Pause between requests to one host (default: 1000).")
  int politenessMs;

  @Option(
      names = "--allow-private-network",
      description = "Allow loopback and private addresses (refused by default).")
  boolean allowPrivateNetwork;

  @Option(
      names = "--restart",
      description =
          "Resume the patrol interrupted by a crash (the default when there is one); an error"
              + " when there is none.")
  boolean restart;

  @Option(names = "--abandon", description = "Give up the interrupted patrol, then run a new one.")
  boolean abandon;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Spread the patrol over N partitions of its hosts, crawled, indexed and classified by"
              + " `finpatrol worker` processes (needs FINPATROL_DB_URL, a broker at"
              + " FINPATROL_BROKER_URL and the data directory shared with the workers; default: 1,"
              + " all in this process).")
  int partitions;

  @Override
  public Integer call() throws Exception {
    if (restart && abandon) {
      throw new UsageException("--restart and --abandon exclude each other");
    }
    AppPaths paths = root.paths();
    // Checked before anything starts; not needed when an interrupted patrol is resumed.
    PatrolRequest request = restart ? null : request(paths);
    try (ConfigurableApplicationContext context =
        FinPatrolApplication.start(paths, false, 0, Map.of())) {
      PatrolService patrols = context.getBean(PatrolService.class);
      Optional<PatrolService.Interrupted> interrupted = patrols.interrupted();
      PatrolReport report;
      boolean resuming = interrupted.isPresent() && !abandon;
      if (resuming
          ? context.getBean(PatrolStore.class).partitions(interrupted.get().runId()) > 1
          : partitions > 1) {
        // Checked first: a broker that is not there is one line, not a failed run.
        org.finpatrol.app.cluster.Broker.declare(
            context.getBean(
                org.springframework.amqp.rabbit.connection.CachingConnectionFactory.class),
            context
                .getEnvironment()
                .getProperty("finpatrol.partition-queue", org.finpatrol.app.cluster.Broker.QUEUE));
      }
      if (resuming) {
        PatrolService.Interrupted i = interrupted.get();
        root.console()
            .progress(
                "patrol #"
                    + i.runId()
                    + " did not finish (step "
                    + i.step()
                    + ", "
                    + i.pagesSaved()
                    + " page(s) stored); resuming it"
                    + (restart ? "" : " (--abandon to give it up instead)"));
        report = patrols.resume(i, root.console()::progress);
      } else if (restart) {
        throw new UsageException("--restart: no interrupted patrol to resume");
      } else {
        if (interrupted.isPresent()) {
          patrols.abandon(interrupted.get());
          root.console()
              .progress("patrol #" + interrupted.get().runId() + " abandoned; a new patrol starts");
        }
        report = patrols.run(request, partitions, root.console()::progress);
      }
      ReportPrinter.print(report, root.console().out());
      return report.completed() ? 0 : 1;
    }
  }

  PatrolRequest request(AppPaths paths) throws IOException {
    if (partitions < 1 || partitions > 1024) {
      throw new UsageException("--partitions must be 1-1024, got " + partitions);
    }
    if (partitions > 1
        && org.finpatrol.app.store.DatabaseSettings.from(System.getenv(), paths.data())
            .isEmbedded()) {
      throw new UsageException(
          "--partitions "
              + partitions
              + " needs a database the workers share: set FINPATROL_DB_URL (MySQL); the embedded"
              + " H2 database belongs to one process");
    }
    if (maxPages < 1) {
      throw new UsageException("--max-pages must be at least 1, got " + maxPages);
    }
    if (maxPagesPerHost < 1) {
      throw new UsageException("--max-pages-per-host must be at least 1, got " + maxPagesPerHost);
    }
    if (threads < 1 || threads > 64) {
      throw new UsageException("--threads must be 1-64, got " + threads);
    }
    if (threadsPerHost < 1) {
      throw new UsageException("--threads-per-host must be at least 1, got " + threadsPerHost);
    }
    if (maxDepth < 0) {
      throw new UsageException("--max-depth must not be negative, got " + maxDepth);
    }
    if (politenessMs < 0) {
      throw new UsageException("--politeness-ms must not be negative, got " + politenessMs);
    }
    LinkedHashSet<String> all = new LinkedHashSet<>();
    seeds.forEach(s -> all.add(s.strip()));
    if (seedsFile != null) {
      all.addAll(readSeeds(seedsFile));
    }
    boolean configured = all.isEmpty();
    if (configured) {
      all.addAll(configuredSeeds(paths.seeds()));
    }
    if (all.isEmpty()) {
      throw new UsageException(
          "no seeds: give --seed URL or --seeds FILE, or list URLs in "
              + paths.seeds().resolve("*.txt"));
    }
    List<String> list = List.copyOf(all);
    // Every bad seed at once, those of a seeds file with their line.
    List<String> problems = new ArrayList<>();
    java.util.Set<String> reported = new java.util.HashSet<>();
    if (seedsFile != null) {
      for (String seed : readSeeds(seedsFile)) {
        if (Seeds.checkForm(seed) != null) {
          reported.add(seed);
        }
      }
      problems.addAll(SeedLists.problemsOf(seedsFile));
    }
    for (Seeds.Problem p :
        Seeds.check(
            list,
            CrawlSettings.builder(paths.frontier(), paths.evidence())
                .allowPrivateNetwork(allowPrivateNetwork)
                .build())) {
      if (!reported.contains(p.seed())) {
        problems.add(p.message());
      }
    }
    if (configured && !problems.isEmpty()) {
      // The seeds are configuration: report them with their lines, and whatever else is wrong
      // with the configuration, at once.
      List<String> everything = new ArrayList<>(ConfigCheck.problems(paths));
      problems.stream()
          .filter(p -> everything.stream().noneMatch(c -> c.contains(p)))
          .forEach(everything::add);
      throw new ConfigCheck.InvalidConfigurationException(everything);
    }
    if (problems.size() == 1) {
      throw new UsageException(problems.get(0));
    }
    if (!problems.isEmpty()) {
      throw new UsageException(
          problems.size() + " bad seeds; nothing was started:\n  " + String.join("\n  ", problems));
    }
    return new PatrolRequest(
        list,
        maxPages,
        maxDepth,
        politenessMs,
        allowPrivateNetwork,
        Map.of(),
        maxPagesPerHost,
        threads,
        threadsPerHost);
  }

  static List<String> readSeeds(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(s -> !s.isEmpty() && !s.startsWith("#"))
          .toList();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("cannot read seeds file '" + file + "': no such file");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UsageException("seeds file '" + file + "' is not UTF-8 text");
    } catch (IOException e) {
      throw new UsageException("cannot read seeds file '" + file + "': " + e.getMessage());
    }
  }

  /** The URLs of {@code config/seeds/*.txt}; an unreadable file is bad input, named. */
  private static List<String> configuredSeeds(Path dir) {
    List<String> out = new ArrayList<>();
    for (SeedLists.SeedList list : SeedLists.read(dir)) {
      if (list.error() != null) {
        throw new UsageException(list.error());
      }
      out.addAll(list.urls());
    }
    return out;
  }
}
