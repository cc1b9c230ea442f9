package org.finpatrol.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.List;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;

/** The segmenter of an analysis component's {@code dictionary} setting. */
final class Dictionaries {

  static final String SETTING = "dictionary";

  private static final String WARM_UP = "本平台承诺保本保息，年化收益15%。";

  private Dictionaries() {}

  /**
   * A segmenter with the dictionary files the setting names, relative to the node's config
   * directory and never outside it; later files win for the same word.
   *
   * @throws IllegalArgumentException naming the component and the setting when it is missing,
   *     leaves the config directory, or a file is bad
   */
  static Segmenter segmenter(Environment environment, String component, Settings settings) {
    List<String> names = settings.getAsList(SETTING);
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "["
              + component
              + "]: the setting ["
              + SETTING
              + "] is required: the finance dictionary file(s) under the config directory, such"
              + " as finpatrol/finance.txt (without it HanLP splits 保本保息 and 首付贷)");
    }
    Path config = environment.configFile().toAbsolutePath().normalize();
    return privileged(
        () -> {
          FinanceDictionary dictionary = FinanceDictionary.empty();
          for (String name : names) {
            Path file = config.resolve(name).normalize();
            if (!file.startsWith(config)) {
              throw new IllegalArgumentException(
                  "["
                      + component
                      + "]: ["
                      + SETTING
                      + "] "
                      + name
                      + " is outside the config directory");
            }
            try {
              dictionary = dictionary.with(FinanceDictionary.load(file));
            } catch (IOException e) {
              throw new IllegalArgumentException(
                  "[" + component + "]: cannot read [" + SETTING + "] " + file + ": " + e, e);
            }
          }
          Segmenter segmenter = new Segmenter(dictionary);
          // HanLP loads its own dictionaries on first use; doing it here keeps that inside the
          // plugin's permissions rather than in whichever search thread analyses first.
          segmenter.segment(WARM_UP);
          return segmenter;
        });
  }

  /**
   * Runs with the plugin's own permissions only: HanLP reads its dictionaries from its jar and the
   * finance dictionary from the config directory, whoever asked for the analyzer.
   */
  @SuppressWarnings("removal") // OpenSearch 2 runs plugins under a security manager.
  static <T> T privileged(PrivilegedAction<T> action) {
    return AccessController.doPrivileged(action);
  }
}
