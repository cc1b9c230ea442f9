package org.finpatrol.app.patrol;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The numbers of {@code config/risk.yml}: band thresholds, what each site fact adds to a platform's
 * score, and when a platform grows fast enough to escalate. Missing file or keys: the defaults of
 * RULES.md.
 */
public record RiskSettings(
    int red,
    int yellow,
    int furtherFlaggedPage,
    int furtherFlaggedPagesMax,
    int noIcpNumber,
    int flaggedAdElsewhere,
    int flaggedAdsElsewhereMax,
    int fastGrowthFactor,
    int fastGrowthNewPages) {

  public static final RiskSettings DEFAULTS = new RiskSettings(70, 40, 5, 20, 10, 5, 15, 2, 5);

  public RiskSettings {
    if (yellow > red) {
      throw new IllegalArgumentException(
          "bands.yellow (" + yellow + ") must not be over bands.red (" + red + ")");
    }
  }

  public static RiskSettings load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return DEFAULTS;
    }
    Map<?, ?> doc;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      doc = loaded == null ? Map.of() : asMap(file + ": top level", loaded);
    } catch (MarkedYAMLException e) {
      throw new IllegalArgumentException(
          file + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem(), e);
    }
    // Every bad value is reported, one per line, not only the first.
    List<String> problems = new ArrayList<>();
    Map<?, ?> bands = section(file, doc, "bands", problems);
    Map<?, ?> facts = section(file, doc, "facts", problems);
    Map<?, ?> escalation = section(file, doc, "escalation", problems);
    RiskSettings d = DEFAULTS;
    Values v = new Values(file, problems);
    int red = v.number("bands", bands, "red", d.red());
    int yellow = v.number("bands", bands, "yellow", d.yellow());
    int furtherFlaggedPage =
        v.number("facts", facts, "further_flagged_page", d.furtherFlaggedPage());
    int furtherFlaggedPagesMax =
        v.number("facts", facts, "further_flagged_pages_max", d.furtherFlaggedPagesMax());
    int noIcpNumber = v.number("facts", facts, "no_icp_number", d.noIcpNumber());
    int flaggedAdElsewhere =
        v.number("facts", facts, "flagged_ad_elsewhere", d.flaggedAdElsewhere());
    int flaggedAdsElsewhereMax =
        v.number("facts", facts, "flagged_ads_elsewhere_max", d.flaggedAdsElsewhereMax());
    int fastGrowthFactor =
        v.number("escalation", escalation, "fast_growth_factor", d.fastGrowthFactor());
    int fastGrowthNewPages =
        v.number("escalation", escalation, "fast_growth_new_pages", d.fastGrowthNewPages());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    try {
      return new RiskSettings(
          red,
          yellow,
          furtherFlaggedPage,
          furtherFlaggedPagesMax,
          noIcpNumber,
          flaggedAdElsewhere,
          flaggedAdsElsewhereMax,
          fastGrowthFactor,
          fastGrowthNewPages);
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(file.toString())
          ? e
          : new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static Map<?, ?> section(Path file, Map<?, ?> doc, String key, List<String> problems) {
    Object v = doc.get(key);
    if (v == null) {
      return Map.of();
    }
    try {
      return asMap(file + ": '" + key + "'", v);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return Map.of();
    }
  }

  private static Map<?, ?> asMap(String where, Object v) {
    if (!(v instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(where + " must be a mapping");
    }
    return map;
  }

  /** Reads numbers of one file, noting each bad one and going on with its default. */
  private record Values(Path file, List<String> problems) {
    int number(String section, Map<?, ?> map, String key, int fallback) {
      Object v = map.get(key);
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof Integer n) || n < 0 || n > 100) {
        problems.add(file + ": " + section + "." + key + " must be a whole number 0-100, got " + v);
        return fallback;
      }
      return n;
    }
  }
}
