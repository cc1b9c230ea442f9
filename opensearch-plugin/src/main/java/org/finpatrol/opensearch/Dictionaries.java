package org.finpatrol.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Normalizer;
import org.finpatrol.text.Segmenter;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;

/**
 * The segmenters of analysis components' {@code dictionary} settings. The named files must be
 * {@code .txt} files in {@value #DIRECTORY}/ under the node's config directory, so index settings
 * cannot make the node read (and quote in an error) any other file. Components naming the same
 * unchanged files share one segmenter: each holds HanLP's custom dictionary, a few megabytes.
 */
final class Dictionaries {

  static final String SETTING = "dictionary";
  static final String DIRECTORY = "finpatrol";

  private static final String WARM_UP = "本平台承诺保本保息，年化收益15%。";

  /** By the files' real paths: the segmenter of their last seen sizes and modification times. */
  private static final ConcurrentMap<List<Path>, Loaded> SEGMENTERS = new ConcurrentHashMap<>();

  private record FileState(Path file, String name, long size, FileTime modified) {}

  private record Loaded(List<FileState> files, Segmenter segmenter) {}

  private Dictionaries() {}

  /**
   * Starts HanLP (its configuration, dictionaries and character tables) with the plugin's own
   * permissions and class loader, where it finds the plugin's {@code hanlp.properties} and so reads
   * its data from its jar without looking for files in the node's working directory.
   */
  static void startHanLP() {
    privileged(
        () -> {
          Thread thread = Thread.currentThread();
          ClassLoader before = thread.getContextClassLoader();
          thread.setContextClassLoader(Dictionaries.class.getClassLoader());
          try {
            new Segmenter(FinanceDictionary.empty()).segment(WARM_UP);
            Normalizer.normalize("穩賺不賠");
          } finally {
            thread.setContextClassLoader(before);
          }
          return null;
        });
  }

  /**
   * A segmenter with the dictionary files the setting names; later files win for the same word.
   *
   * @throws IllegalArgumentException naming the component, the setting and the bad value when it is
   *     missing, does not name a {@code .txt} file in {@value #DIRECTORY}/, or a file is bad
   */
  static Segmenter segmenter(Environment environment, String component, Settings settings) {
    List<String> names = settings.getAsList(SETTING);
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "["
              + component
              + "]: the setting ["
              + SETTING
              + "] is required: finance dictionary file(s) in "
              + DIRECTORY
              + "/ under the config directory, such as finance.txt (without it HanLP splits"
              + " 保本保息 and 首付贷)");
    }
    Path directory = environment.configFile().resolve(DIRECTORY);
    return privileged(
        () -> {
          List<FileState> files = new ArrayList<>();
          for (String name : names) {
            files.add(state(directory, name, component));
          }
          List<Path> paths = files.stream().map(FileState::file).toList();
          return SEGMENTERS
              .compute(
                  paths,
                  (key, loaded) ->
                      loaded != null && loaded.files().equals(files)
                          ? loaded
                          : new Loaded(files, load(files, component)))
              .segmenter();
        });
  }

  private static FileState state(Path directory, String name, String component) {
    IllegalArgumentException refused =
        new IllegalArgumentException(
            "["
                + component
                + "]: ["
                + SETTING
                + "] "
                + name
                + " must name a .txt file in "
                + DIRECTORY
                + "/ under the config directory");
    if (!name.endsWith(".txt")) {
      throw refused;
    }
    try {
      Path realDirectory = directory.toRealPath();
      // Real paths: a symbolic link out of the directory is refused like "../".
      Path file = realDirectory.resolve(name).toRealPath();
      if (!file.startsWith(realDirectory) || !Files.isRegularFile(file)) {
        throw refused;
      }
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileState(file, name, attributes.size(), attributes.lastModifiedTime());
    } catch (IOException e) {
      refused.initCause(e);
      throw refused;
    }
  }

  private static Segmenter load(List<FileState> files, String component) {
    FinanceDictionary dictionary = FinanceDictionary.empty();
    for (FileState f : files) {
      String source = DIRECTORY + "/" + f.name();
      try (InputStream in = Files.newInputStream(f.file())) {
        dictionary = dictionary.with(FinanceDictionary.read(in, source));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "[" + component + "]: cannot read [" + SETTING + "] " + source + ": " + e, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("[" + component + "]: " + e.getMessage(), e);
      }
    }
    Segmenter segmenter = new Segmenter(dictionary);
    segmenter.segment(WARM_UP);
    return segmenter;
  }

  /**
   * Runs with the plugin's own permissions only (OpenSearch 2 runs plugins under a security
   * manager), whoever asked for the analyzer.
   */
  @SuppressWarnings("removal")
  static <T> T privileged(PrivilegedAction<T> action) {
    return AccessController.doPrivileged(action);
  }
}
