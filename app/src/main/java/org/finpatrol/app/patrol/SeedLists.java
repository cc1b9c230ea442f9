package org.finpatrol.app.patrol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.finpatrol.crawler.Seeds;

/**
 * The seed lists of {@code config/seeds/*.txt} as the patrols page shows them: each file with its
 * URLs, or with why it could not be read (one bad file does not hide the others).
 */
public final class SeedLists {

  /** One seed file: its name, its URLs, and the error when it could not be read (else null). */
  public record SeedList(String name, List<String> urls, String error) {}

  private SeedLists() {}

  public static List<SeedList> read(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<SeedList> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String name = f.getFileName().toString();
        try {
          List<String> urls =
              Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                  .map(String::strip)
                  .filter(s -> !s.isEmpty() && !s.startsWith("#"))
                  .toList();
          out.add(new SeedList(name, urls, null));
        } catch (IOException | UncheckedIOException e) {
          out.add(new SeedList(name, List.of(), "cannot read " + name + ": " + e));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    return out;
  }

  /**
   * Every seed of the directory's lists that is not an absolute http(s) URL with a host, as
   * "file:line: seed '…': reason", and every list that cannot be read. Resolves no host: whether a
   * seed may be on a private network depends on the patrol.
   */
  public static List<String> problems(Path directory) {
    List<String> problems = new ArrayList<>();
    for (SeedList list : read(directory)) {
      if (list.error() != null) {
        problems.add(directory.resolve(list.name()) + ": " + list.error());
        continue;
      }
      problems.addAll(problemsOf(directory.resolve(list.name())));
    }
    return problems;
  }

  /** The bad seeds of one list file, each with its line; the file is known to be readable. */
  public static List<String> problemsOf(Path file) {
    List<String> problems = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return List.of(file + ": cannot read: " + e.getMessage());
    }
    for (int i = 0; i < lines.size(); i++) {
      String seed = lines.get(i).strip();
      if (seed.isEmpty() || seed.startsWith("#")) {
        continue;
      }
      Seeds.Problem bad = Seeds.checkForm(seed);
      if (bad != null) {
        problems.add(file + ":" + (i + 1) + ": " + bad.message());
      }
    }
    return problems;
  }
}
