package org.finpatrol.classifier.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a rules directory: {@code context.yml} (the cue lists) and every other {@code *.yml} file
 * (rule packs with a top-level {@code rules:} list).
 *
 * <p>A rule fires on one {@link Trigger}: {@code phrases}, {@code near} (phrase groups within a few
 * characters), {@code pattern} with {@code anchors}, or {@code yield_threshold_percent}.
 *
 * <p>Problems are reported in one {@link IllegalArgumentException}, one line per problem (all the
 * problems of all the packs), each naming the file, the rule id or key, and what is wrong, so an
 * analyst editing a pack can fix it at once.
 */
public final class RulePackLoader {

  static final String CONTEXT_FILE = "context.yml";

  private final Set<String> categories;
  private final Set<String> signals;

  /** A loader that accepts these category and signal ids. */
  public RulePackLoader(Collection<String> categories, Collection<String> signals) {
    this.categories = Set.copyOf(categories);
    this.signals = Set.copyOf(signals);
  }

  public RuleSet load(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException(directory + ": rules directory does not exist");
    }
    Path contextFile = directory.resolve(CONTEXT_FILE);
    if (!Files.isRegularFile(contextFile)) {
      throw new IllegalArgumentException(contextFile + ": missing (the shared context cues)");
    }
    // Every problem of every pack is collected, so an operator fixes them in one go.
    List<String> problems = new ArrayList<>();
    ContextCues context = null;
    try {
      context = context(contextFile, read(contextFile));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<Path> packs;
    try (var files = Files.list(directory)) {
      packs =
          files
              .filter(p -> p.getFileName().toString().endsWith(".yml"))
              .filter(p -> !p.getFileName().toString().equals(CONTEXT_FILE))
              .sorted()
              .toList();
    }
    for (Path pack : packs) {
      try {
        for (Rule rule : rules(pack, read(pack), problems)) {
          if (!ids.add(rule.id())) {
            problems.add(pack + ": rule id '" + rule.id() + "' is used twice");
          }
          rules.add(rule);
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    if (rules.isEmpty()) {
      throw new IllegalArgumentException(
          directory + ": no rule packs (*.yml with a 'rules:' list)");
    }
    return new RuleSet(rules, context);
  }

  private static Map<String, Object> read(Path file) throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object doc = yaml.load(reader);
      if (!(doc instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(file + ": expected a mapping at the top level");
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    } catch (MarkedYAMLException e) {
      throw new IllegalArgumentException(
          file + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The pack's rules; a rule with a problem is left out and its problem added to {@code problems}.
   */
  private List<Rule> rules(Path file, Map<String, Object> doc, List<String> problems) {
    Object list = doc.get("rules");
    if (!(list instanceof List<?> items)) {
      throw new IllegalArgumentException(file + ": expected a 'rules:' list");
    }
    List<Rule> rules = new ArrayList<>();
    int index = 0;
    for (Object item : items) {
      index++;
      if (!(item instanceof Map<?, ?> map)) {
        problems.add(file + ": rule #" + index + " is not a mapping");
        continue;
      }
      try {
        rules.add(rule(file, index, map));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return rules;
  }

  private Rule rule(Path file, int index, Map<?, ?> map) {
    String id = string(map, "id");
    String where = file + ": rule " + (id == null ? "#" + index : id);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(where + ": 'id' is missing");
    }
    String category = string(map, "category");
    String signal = string(map, "signal");
    if ((category == null) == (signal == null)) {
      throw new IllegalArgumentException(where + ": set exactly one of 'category' and 'signal'");
    }
    if (category != null && !categories.contains(category)) {
      throw new IllegalArgumentException(
          where + ": unknown category '" + category + "' (one of " + categories + ")");
    }
    if (signal != null && !signals.contains(signal)) {
      throw new IllegalArgumentException(
          where + ": unknown signal '" + signal + "' (one of " + signals + ")");
    }
    String basis = string(map, "basis");
    if (basis == null || basis.isBlank()) {
      throw new IllegalArgumentException(where + ": 'basis' (legal basis) is missing");
    }
    int weight = integer(where, map, "weight", 10);
    if (weight < 0 || weight > 100) {
      throw new IllegalArgumentException(where + ": 'weight' must be 0-100, got " + weight);
    }
    List<String> except = strings(where, map, "except");
    return new Rule(
        id,
        category,
        signal,
        string(map, "description"),
        basis,
        weight,
        trigger(where, map),
        except,
        file.getFileName().toString());
  }

  private static final List<String> TRIGGER_KEYS =
      List.of(
          "phrases",
          "near",
          "pattern",
          "yield_threshold_percent",
          "operator_not_licensed",
          "ad_lacks",
          "ad_unlabelled");

  private static Trigger trigger(String where, Map<?, ?> map) {
    List<String> given = TRIGGER_KEYS.stream().filter(map::containsKey).toList();
    if (given.size() != 1) {
      throw new IllegalArgumentException(
          where
              + ": give exactly one of '"
              + String.join("', '", TRIGGER_KEYS)
              + "'"
              + (given.isEmpty() ? "" : " (found " + given + ")"));
    }
    if (map.containsKey("homophones") && !given.get(0).equals("phrases")) {
      throw new IllegalArgumentException(where + ": 'homophones' applies to 'phrases' only");
    }
    if (map.containsKey("reach") && !given.get(0).equals("pattern")) {
      throw new IllegalArgumentException(where + ": 'reach' applies to 'pattern' only");
    }
    return switch (given.get(0)) {
      case "phrases" -> new Trigger.Phrases(phrases(where, map, "phrases"), homophones(where, map));
      case "near" -> near(where, map.get("near"));
      case "pattern" -> regex(where, map);
      case "operator_not_licensed" -> {
        onlyTrue(where, map, "operator_not_licensed");
        yield new Trigger.OperatorNotLicensed();
      }
      case "ad_lacks" -> {
        List<String> phrases = phrases(where, map, "ad_lacks");
        if (phrases.isEmpty()) {
          throw new IllegalArgumentException(where + ": 'ad_lacks' needs at least one phrase");
        }
        yield new Trigger.AdLacks(phrases);
      }
      case "ad_unlabelled" -> {
        onlyTrue(where, map, "ad_unlabelled");
        yield new Trigger.AdUnlabelled();
      }
      default -> {
        Object t = map.get("yield_threshold_percent");
        if (!(t instanceof Number n) || n.doubleValue() <= 0) {
          throw new IllegalArgumentException(
              where + ": 'yield_threshold_percent' must be a positive number, got " + t);
        }
        yield new Trigger.YieldAtLeast(n.doubleValue());
      }
    };
  }

  private static void onlyTrue(String where, Map<?, ?> map, String key) {
    if (!Boolean.TRUE.equals(map.get(key))) {
      throw new IllegalArgumentException(where + ": '" + key + "' can only be true");
    }
  }

  private static boolean homophones(String where, Map<?, ?> map) {
    Object v = map.get("homophones");
    if (v == null) {
      return false;
    }
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException(where + ": 'homophones' must be true or false, got " + v);
    }
    return b;
  }

  private static Trigger near(String where, Object spec) {
    if (!(spec instanceof Map<?, ?> near)) {
      throw new IllegalArgumentException(
          where + ": 'near' must be a mapping with 'within' and 'groups'");
    }
    int within = integer(where, near, "within", 20);
    if (within < 1) {
      throw new IllegalArgumentException(
          where + ": 'near.within' must be at least 1, got " + within);
    }
    if (!(near.get("groups") instanceof List<?> groups) || groups.size() < 2) {
      throw new IllegalArgumentException(
          where + ": 'near.groups' must list at least two phrase lists");
    }
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      String group = where + ": near.groups[" + (i + 1) + "]";
      List<String> phrases =
          phrases(
              group,
              Map.of("phrases", groups.get(i) == null ? List.of() : groups.get(i)),
              "phrases");
      if (phrases.isEmpty()) {
        throw new IllegalArgumentException(group + " is empty");
      }
      out.add(phrases);
    }
    return new Trigger.Near(within, out);
  }

  private static Trigger regex(String where, Map<?, ?> map) {
    String source = string(map, "pattern");
    List<String> anchors = phrases(where, map, "anchors");
    if (anchors.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": a 'pattern' needs 'anchors' (phrases that must occur before it is run)");
    }
    int before = Trigger.Regex.DEFAULT_REACH;
    int after = Trigger.Regex.DEFAULT_REACH;
    if (map.containsKey("reach")) {
      Object reach = map.get("reach");
      if (reach instanceof Integer n && n >= 1 && n <= 500) {
        before = n;
        after = n;
      } else if (reach instanceof List<?> sides
          && sides.size() == 2
          && sides.get(0) instanceof Integer b
          && sides.get(1) instanceof Integer a
          && b >= 0
          && b <= 500
          && a >= 0
          && a <= 500
          && a + b >= 1) {
        before = b;
        after = a;
      } else {
        throw new IllegalArgumentException(
            where
                + ": 'reach' must be a whole number of characters, 1-500, or [before, after],"
                + " each 0-500, got "
                + reach);
      }
    }
    try {
      return new Trigger.Regex(Pattern.compile(source), anchors, before, after);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          where
              + ": 'pattern' is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex(),
          e);
    }
  }

  private static List<String> phrases(String where, Map<?, ?> map, String key) {
    List<String> phrases = strings(where, map, key);
    for (String phrase : phrases) {
      if (phrase.codePoints().noneMatch(Character::isLetterOrDigit)) {
        throw new IllegalArgumentException(
            where + ": phrase '" + phrase + "' has no letters or digits");
      }
    }
    return phrases;
  }

  private static ContextCues context(Path file, Map<String, Object> doc) {
    String where = file.toString();
    Map<String, ContextCues.PageType> pageTypes = new LinkedHashMap<>();
    Object types = doc.get("page_types");
    if (!(types instanceof Map<?, ?> typeMap)) {
      throw new IllegalArgumentException(where + ": 'page_types' must be a mapping");
    }
    for (Map.Entry<?, ?> e : typeMap.entrySet()) {
      String type = where + ": page_types." + e.getKey();
      if (!(e.getValue() instanceof Map<?, ?> spec)) {
        throw new IllegalArgumentException(type + " must be a mapping with 'threshold' and 'cues'");
      }
      int threshold = integer(type, spec, "threshold", 1);
      if (threshold < 1) {
        throw new IllegalArgumentException(type + ": 'threshold' must be at least 1");
      }
      pageTypes.put(
          String.valueOf(e.getKey()),
          new ContextCues.PageType(threshold, strings(type, spec, "cues")));
    }
    return new ContextCues(
        strings(where, doc, "negation_adjacent"),
        strings(where, doc, "negation"),
        integer(where, doc, "negation_window", 10),
        strings(where, doc, "warning"),
        pageTypes,
        strings(where, doc, "financial"),
        strings(where, doc, "call_to_action"),
        strings(where, doc, "operator_voice"),
        strings(where, doc, "licence_third_party"));
  }

  private static String string(Map<?, ?> map, String key) {
    Object v = map.get(key);
    return v == null ? null : String.valueOf(v);
  }

  private static int integer(String where, Map<?, ?> map, String key, int fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer i)) {
      throw new IllegalArgumentException(
          where + ": '" + key + "' must be a whole number, got " + v);
    }
    return i;
  }

  private static List<String> strings(String where, Map<?, ?> map, Object key) {
    Object v = map.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a list");
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (o == null || String.valueOf(o).isBlank()) {
        throw new IllegalArgumentException(where + ": '" + key + "' has an empty entry");
      }
      out.add(String.valueOf(o));
    }
    return out;
  }
}
