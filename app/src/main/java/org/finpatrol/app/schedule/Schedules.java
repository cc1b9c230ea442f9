package org.finpatrol.app.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.finpatrol.app.patrol.PatrolRequest;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code config/schedules.yml}:
 *
 * <pre>
 * schedules:
 *   - group: default          # config/seeds/default.txt
 *     cron: "0 0 2 * * *"     # daily at 02:00 China time
 *     max_pages: 500          # optional, default 200
 *     max_depth: 2            # optional, default 2
 *     politeness_ms: 1000     # optional, default 1000: pause between requests to one host
 *     threads: 4              # optional, default 4: fetch threads
 *     threads_per_host: 2     # optional, default 2: fetch threads one host may occupy at once
 *   - group: recheck
 *     cron: "0 0 * * * *"
 *     recheck: true           # the pages cited by cases awaiting re-check
 * </pre>
 *
 * Every problem (unknown key, bad value, bad cron expression, missing seed file, a group twice) is
 * reported with file and line, all of them at once.
 */
public final class Schedules {

  static final int DEFAULT_MAX_PAGES = 200;
  static final int DEFAULT_MAX_DEPTH = 2;
  static final int DEFAULT_POLITENESS_MS = 1000;
  private static final Set<String> KEYS =
      Set.of(
          "group",
          "cron",
          "max_pages",
          "max_depth",
          "politeness_ms",
          "threads",
          "threads_per_host",
          "recheck");
  private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** The schedules file did not validate; the message lists every problem, one a line. */
  public static final class InvalidSchedulesException extends IllegalArgumentException {
    private final List<String> problems;

    InvalidSchedulesException(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  private Schedules() {}

  /**
   * The schedules of {@code file} (none when it does not exist).
   *
   * @throws InvalidSchedulesException naming file, line and reason of every problem
   */
  public static List<PatrolSchedule> load(Path file, Path seedsDirectory) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    Node root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
    } catch (MarkedYAMLException e) {
      throw new InvalidSchedulesException(
          List.of(file + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem()));
    }
    List<String> problems = new ArrayList<>();
    List<PatrolSchedule> out = new ArrayList<>();
    if (root == null) {
      return List.of();
    }
    if (!(root instanceof MappingNode top)) {
      throw new InvalidSchedulesException(
          List.of(at(file, root) + "the top level must be a mapping with 'schedules:'"));
    }
    Node list = null;
    for (NodeTuple t : top.getValue()) {
      String key = scalar(t.getKeyNode());
      if ("schedules".equals(key)) {
        list = t.getValueNode();
      } else {
        problems.add(at(file, t.getKeyNode()) + "unknown key '" + key + "' (only 'schedules')");
      }
    }
    if (list != null && !(list instanceof SequenceNode)) {
      problems.add(at(file, list) + "'schedules' must be a list");
      list = null;
    }
    Set<String> groups = new HashSet<>();
    for (Node item : list == null ? List.<Node>of() : ((SequenceNode) list).getValue()) {
      PatrolSchedule s = schedule(file, item, seedsDirectory, problems);
      if (s != null && !groups.add(s.group())) {
        problems.add(at(file, item) + "group '" + s.group() + "' has a schedule already");
      } else if (s != null) {
        out.add(s);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSchedulesException(problems);
    }
    return List.copyOf(out);
  }

  private static PatrolSchedule schedule(Path file, Node item, Path seeds, List<String> problems) {
    if (!(item instanceof MappingNode map)) {
      problems.add(at(file, item) + "a schedule must be a mapping (group, cron, ...)");
      return null;
    }
    int before = problems.size();
    String group = null;
    String cron = null;
    int maxPages = DEFAULT_MAX_PAGES;
    int maxDepth = DEFAULT_MAX_DEPTH;
    int politenessMs = DEFAULT_POLITENESS_MS;
    int threads = PatrolRequest.DEFAULT_THREADS;
    int threadsPerHost = PatrolRequest.DEFAULT_THREADS_PER_HOST;
    boolean recheck = false;
    for (NodeTuple t : map.getValue()) {
      String key = scalar(t.getKeyNode());
      Node value = t.getValueNode();
      String v = scalar(value);
      if (!KEYS.contains(key)) {
        problems.add(
            at(file, t.getKeyNode())
                + "unknown key '"
                + key
                + "' (one of "
                + new java.util.TreeSet<>(KEYS)
                + ")");
        continue;
      }
      if (v == null) {
        problems.add(at(file, value) + "'" + key + "' must be a single value");
        continue;
      }
      switch (key) {
        case "group" -> {
          if (!GROUP.matcher(v).matches()) {
            problems.add(at(file, value) + "group '" + v + "' must be 1-64 of a-z, 0-9, '_', '-'");
          }
          group = v;
        }
        case "cron" -> {
          try {
            CronExpression.parse(v);
            cron = v;
          } catch (IllegalArgumentException e) {
            problems.add(
                at(file, value)
                    + "cron '"
                    + v
                    + "' is not a cron expression (six fields: second minute hour day month"
                    + " weekday): "
                    + e.getMessage());
          }
        }
        case "max_pages" -> maxPages = number(file, value, key, v, 1, 100_000, problems);
        case "max_depth" -> maxDepth = number(file, value, key, v, 0, 10, problems);
        case "politeness_ms" -> politenessMs = number(file, value, key, v, 0, 60_000, problems);
        case "threads" -> threads = number(file, value, key, v, 1, 64, problems);
        case "threads_per_host" -> threadsPerHost = number(file, value, key, v, 1, 64, problems);
        case "recheck" -> {
          if (!v.equals("true") && !v.equals("false")) {
            problems.add(at(file, value) + "recheck must be true or false, got '" + v + "'");
          }
          recheck = v.equals("true");
        }
        default -> throw new IllegalStateException(key);
      }
    }
    if (group == null) {
      problems.add(at(file, item) + "a schedule needs 'group'");
    }
    if (cron == null && problems.size() == before) {
      problems.add(at(file, item) + "a schedule needs 'cron'");
    }
    if (group != null && !recheck && !Files.isRegularFile(seeds.resolve(group + ".txt"))) {
      problems.add(
          at(file, item)
              + "group '"
              + group
              + "' has no seed file "
              + seeds.resolve(group + ".txt")
              + " (or say recheck: true)");
    }
    return problems.size() == before
        ? new PatrolSchedule(
            group,
            cron,
            maxPages,
            maxDepth,
            politenessMs,
            threads,
            Math.min(threadsPerHost, threads),
            recheck)
        : null;
  }

  private static int number(
      Path file, Node node, String key, String v, int min, int max, List<String> problems) {
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        at(file, node) + key + " must be a whole number " + min + "-" + max + ", got '" + v + "'");
    return min;
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : null;
  }

  private static String at(Path file, Node node) {
    return file + ":" + (node.getStartMark().getLine() + 1) + ": ";
  }
}
