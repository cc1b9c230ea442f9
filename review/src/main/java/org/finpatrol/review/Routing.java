package org.finpatrol.review;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Which units a case goes to, read from {@code config/units.yml}: the unit of the case's kind, the
 * units each signal and category adds, and the police rule (illegal-fundraising signals together
 * with a guaranteed-return claim). Immutable; every unit id it names is checked against the
 * declared units when loaded.
 */
public final class Routing {

  private final Map<String, String> units;
  private final Map<String, List<String>> byKind;
  private final Map<String, List<String>> bySignal;
  private final Map<String, List<String>> byCategory;
  private final String policeUnit;
  private final String policeCategory;
  private final Set<String> policeSignals;
  private final String escalationUnit;

  private Routing(
      Map<String, String> units,
      Map<String, List<String>> byKind,
      Map<String, List<String>> bySignal,
      Map<String, List<String>> byCategory,
      String policeUnit,
      String policeCategory,
      Set<String> policeSignals,
      String escalationUnit) {
    this.units = Map.copyOf(units);
    this.byKind = Map.copyOf(byKind);
    this.bySignal = Map.copyOf(bySignal);
    this.byCategory = Map.copyOf(byCategory);
    this.policeUnit = policeUnit;
    this.policeCategory = policeCategory;
    this.policeSignals = Set.copyOf(policeSignals);
    this.escalationUnit = escalationUnit;
  }

  /**
   * Loads the routing file.
   *
   * @throws IllegalArgumentException naming the file and key of each problem, one per line
   */
  public static Routing load(Path file) throws IOException {
    Map<?, ?> doc;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      if (!(loaded instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException(file + ": expected a mapping at the top level");
      }
      doc = map;
    } catch (MarkedYAMLException e) {
      throw new IllegalArgumentException(
          file + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
    }
    String where = file.toString();
    // Every problem is reported, one per line; only a file without units stops at once, as every
    // other check names units.
    List<String> problems = new ArrayList<>();
    Map<String, String> units = new LinkedHashMap<>();
    mapping(where, doc, "units", problems)
        .forEach((k, v) -> units.put(String.valueOf(k), String.valueOf(v)));
    if (units.isEmpty()) {
      problems.add(where + ": 'units' must name at least one unit");
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    Map<String, List<String>> kinds = unitLists(where, doc, "kinds", units, problems);
    for (CaseKind kind : CaseKind.values()) {
      if (!kinds.containsKey(kind.id())) {
        problems.add(where + ": kinds." + kind.id() + " is missing");
      }
    }
    Map<?, ?> police = mapping(where, doc, "police", problems);
    String policeUnit = police.get("unit") == null ? null : String.valueOf(police.get("unit"));
    if (policeUnit != null && !units.containsKey(policeUnit)) {
      problems.add(where + ": police.unit '" + policeUnit + "' is not a declared unit");
    }
    Set<String> policeSignals = new TreeSet<>();
    if (police.get("any_signal") instanceof List<?> list) {
      list.forEach(s -> policeSignals.add(String.valueOf(s)));
    }
    String escalation =
        doc.get("escalation") == null ? null : String.valueOf(doc.get("escalation"));
    if (escalation != null && !units.containsKey(escalation)) {
      problems.add(where + ": escalation '" + escalation + "' is not a declared unit");
    }
    Map<String, List<String>> bySignal = unitLists(where, doc, "signals", units, problems);
    Map<String, List<String>> byCategory = unitLists(where, doc, "categories", units, problems);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return new Routing(
        units,
        kinds,
        bySignal,
        byCategory,
        policeUnit,
        police.get("with_category") == null ? null : String.valueOf(police.get("with_category")),
        policeSignals,
        escalation);
  }

  private static Map<?, ?> mapping(String where, Map<?, ?> doc, String key, List<String> problems) {
    Object v = doc.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> map)) {
      problems.add(where + ": '" + key + "' must be a mapping");
      return Map.of();
    }
    return map;
  }

  private static Map<String, List<String>> unitLists(
      String where, Map<?, ?> doc, String key, Map<String, String> units, List<String> problems) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : mapping(where, doc, key, problems).entrySet()) {
      String name = key + "." + e.getKey();
      List<String> list = new ArrayList<>();
      if (e.getValue() instanceof List<?> values) {
        for (Object u : values) {
          String unit = String.valueOf(u);
          if (!units.containsKey(unit)) {
            problems.add(
                where
                    + ": "
                    + name
                    + " names unit '"
                    + unit
                    + "', which is not declared under 'units'");
            continue;
          }
          list.add(unit);
        }
      } else if (e.getValue() != null) {
        problems.add(where + ": " + name + " must be a list of unit ids");
      }
      out.put(String.valueOf(e.getKey()), List.copyOf(list));
    }
    return out;
  }

  /** The units a case of this kind with these labels goes to, sorted. */
  public List<String> unitsFor(CaseKind kind, Set<String> categories, Set<String> signals) {
    Set<String> out = new TreeSet<>(byKind.getOrDefault(kind.id(), List.of()));
    categories.forEach(c -> out.addAll(byCategory.getOrDefault(c, List.of())));
    signals.forEach(s -> out.addAll(bySignal.getOrDefault(s, List.of())));
    if (policeUnit != null
        && policeCategory != null
        && categories.contains(policeCategory)
        && signals.stream().anyMatch(policeSignals::contains)) {
      out.add(policeUnit);
    }
    return List.copyOf(out);
  }

  /**
   * The unit an escalated case also goes to (the leading group's office), or null when {@code
   * units.yml} names none.
   */
  public String escalationUnit() {
    return escalationUnit;
  }

  /** Declared units: id to display name, in file order. */
  public Map<String, String> units() {
    return units;
  }

  public boolean isUnit(String id) {
    return units.containsKey(id);
  }
}
