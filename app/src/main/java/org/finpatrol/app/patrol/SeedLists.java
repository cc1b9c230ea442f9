package org.finpatrol.app.patrol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
}
