package org.finpatrol.review;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The county (县区) a case belongs to, from the {@code counties} section of {@code config/units.yml}:
 * the first county name or alias found in the operator's addresses (longest first, so 鹤壁经济技术开发区
 * wins over 经济技术开发区); else, when a phone number carries the city's area code, the city itself (the
 * county is not yet known); else none. Immutable.
 */
public final class Counties {

  public static final Counties NONE = new Counties(null, null, Map.of());

  private final String city;
  private final String areaCode;

  /** Name or alias → county, longest key first. */
  private final Map<String, String> lookup;

  private Counties(String city, String areaCode, Map<String, String> lookup) {
    this.city = city;
    this.areaCode = areaCode;
    this.lookup = lookup;
  }

  /** Reads the {@code counties} section; a file without one knows no counties. */
  public static Counties load(Path unitsYml) throws IOException {
    Object loaded;
    try (Reader reader = Files.newBufferedReader(unitsYml, StandardCharsets.UTF_8)) {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (MarkedYAMLException e) {
      throw new IllegalArgumentException(
          unitsYml + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
    }
    if (!(loaded instanceof Map<?, ?> doc) || doc.get("counties") == null) {
      return NONE;
    }
    String where = unitsYml + ": counties";
    if (!(doc.get("counties") instanceof Map<?, ?> section)) {
      throw new IllegalArgumentException(where + " must be a mapping");
    }
    if (!(section.get("names") instanceof Map<?, ?> names) || names.isEmpty()) {
      throw new IllegalArgumentException(where + ".names must map each county to its aliases");
    }
    // Every problem is reported, one per line, not only the first.
    List<String> problems = new ArrayList<>();
    List<String[]> pairs = new ArrayList<>();
    for (Map.Entry<?, ?> e : names.entrySet()) {
      String county = String.valueOf(e.getKey());
      pairs.add(new String[] {county, county});
      if (e.getValue() instanceof List<?> aliases) {
        aliases.forEach(a -> pairs.add(new String[] {String.valueOf(a), county}));
      } else if (e.getValue() != null) {
        problems.add(where + ".names." + county + " must be a list");
      }
    }
    pairs.sort(Comparator.comparingInt((String[] p) -> p[0].length()).reversed());
    Map<String, String> lookup = new LinkedHashMap<>();
    pairs.forEach(p -> lookup.putIfAbsent(p[0], p[1]));
    Object code = section.get("area_code");
    if (code != null && !String.valueOf(code).matches("0\\d{2,3}")) {
      problems.add(where + ".area_code must be a phone area code such as \"0392\", got " + code);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return new Counties(
        section.get("city") == null ? null : String.valueOf(section.get("city")),
        code == null ? null : String.valueOf(code),
        lookup);
  }

  /** The county for these addresses and phone numbers, or null. */
  public String of(List<String> addresses, List<String> phones) {
    for (String address : addresses) {
      for (Map.Entry<String, String> e : lookup.entrySet()) {
        if (address.contains(e.getKey())) {
          return e.getValue();
        }
      }
    }
    if (city != null && areaCode != null) {
      for (String phone : phones) {
        if (phone.replace(" ", "").startsWith(areaCode)) {
          return city;
        }
      }
    }
    return null;
  }
}
