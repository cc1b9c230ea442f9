package org.finpatrol.app.retention;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * {@code config/retention.yml}: pages of patrols older than {@code pages_days} are compacted (a
 * URL's latest page stays); evidence of a case closed more than {@code closed_case_days} ago stops
 * being protected. Missing file or keys: 180 and 1095 days.
 */
public record Retention(Duration pages, Duration closedCases) {

  public static final Retention DEFAULTS =
      new Retention(Duration.ofDays(180), Duration.ofDays(1095));

  private static final Set<String> KEYS = Set.of("pages_days", "closed_case_days");

  /**
   * Reads the file.
   *
   * @throws IllegalArgumentException naming the file, the key and what is wrong
   */
  public static Retention load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return DEFAULTS;
    }
    Object loaded;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (MarkedYAMLException e) {
      throw new IllegalArgumentException(
          file + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
    }
    if (loaded == null) {
      return DEFAULTS;
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(file + ": the top level must be a mapping");
    }
    // Every problem is reported, one per line, not only the first.
    List<String> problems = new ArrayList<>();
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        problems.add(file + ": unknown key '" + key + "' (pages_days, closed_case_days)");
      }
    }
    long pages = days(file, map, "pages_days", DEFAULTS.pages().toDays(), problems);
    long closed = days(file, map, "closed_case_days", DEFAULTS.closedCases().toDays(), problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return new Retention(Duration.ofDays(pages), Duration.ofDays(closed));
  }

  private static long days(
      Path file, Map<?, ?> map, String key, long fallback, List<String> problems) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer n) || n < 1) {
      problems.add(file + ": " + key + " must be a whole number of days, at least 1, got " + v);
      return fallback;
    }
    return n;
  }
}
