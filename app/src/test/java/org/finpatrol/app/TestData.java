package org.finpatrol.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Removes a test's data directory once the application has stopped. The embedded database and the
 * logger finish with their files from background threads shortly after a context closes, which
 * races JUnit's own clean-up of a temporary directory ("directory not empty"); this retries for up
 * to five seconds instead. Use with {@code @TempDir(cleanup = CleanupMode.NEVER)}.
 */
public final class TestData {

  private TestData() {}

  /** A copy of the shipped {@code config/} in {@code target}, for a test to change. */
  public static Path copyConfig(Path target) throws IOException {
    Path shipped = Path.of("../config").toAbsolutePath();
    try (var files = Files.walk(shipped)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(shipped.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    return target;
  }

  public static void remove(Path dir) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (var paths = Files.walk(dir)) {
        List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
        for (Path p : all) {
          Files.deleteIfExists(p);
        }
        return;
      } catch (IOException | UncheckedIOException e) {
        if (!Files.exists(dir)) {
          return;
        }
        if (attempt == 50) {
          throw new IOException("cannot remove " + dir, e);
        }
        Thread.sleep(100);
      }
    }
  }
}
