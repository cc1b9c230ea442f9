package org.finpatrol.app.patrol;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Map<?, ?> bands = section(file, doc, "bands");
    Map<?, ?> facts = section(file, doc, "facts");
    Map<?, ?> escalation = section(file, doc, "escalation");
    RiskSettings d = DEFAULTS;
    try {
      return new RiskSettings(
          number(file, "bands", bands, "red", d.red()),
          number(file, "bands", bands, "yellow", d.yellow()),
          number(file, "facts", facts, "further_flagged_page", d.furtherFlaggedPage()),
          number(file, "facts", facts, "further_flagged_pages_max", d.furtherFlaggedPagesMax()),
          number(file, "facts", facts, "no_icp_number", d.noIcpNumber()),
          number(file, "facts", facts, "flagged_ad_elsewhere", d.flaggedAdElsewhere()),
          number(file, "facts", facts, "flagged_ads_elsewhere_max", d.flaggedAdsElsewhereMax()),
          number(file, "escalation", escalation, "fast_growth_factor", d.fastGrowthFactor()),
          number(file, "escalation", escalation, "fast_growth_new_pages", d.fastGrowthNewPages()));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(file.toString())
          ? e
          : new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private static Map<?, ?> section(Path file, Map<?, ?> doc, String key) {
    Object v = doc.get(key);
    return v == null ? Map.of() : asMap(file + ": '" + key + "'", v);
  }

  private static Map<?, ?> asMap(String where, Object v) {
    if (!(v instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(where + " must be a mapping");
    }
    return map;
  }

  private static int number(Path file, String section, Map<?, ?> map, String key, int fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Integer n) || n < 0 || n > 100) {
      throw new IllegalArgumentException(
          file + ": " + section + "." + key + " must be a whole number 0-100, got " + v);
    }
    return n;
  }
}
