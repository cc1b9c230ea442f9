package org.finpatrol.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The finance dictionary: words that HanLP's general dictionary splits wrongly (保本保息, 年化, 首付贷,
 * ...), each kept as one word by the {@link Segmenter}.
 *
 * <p>File format ({@code config/dictionaries/*.txt}, UTF-8): one entry a line, {@code word [nature
 * [frequency]]} separated by whitespace; blank lines and lines starting with {@code #} are ignored.
 * Words are stored normalised ({@link Normalizer}), so a traditional-script entry matches
 * simplified text too. Immutable once built.
 */
public final class FinanceDictionary {

  /** One dictionary entry. */
  public record Entry(String word, String nature, int frequency) {
    public Entry {
      Objects.requireNonNull(word, "word");
      Objects.requireNonNull(nature, "nature");
    }
  }

  private static final String DEFAULT_NATURE = "nz";
  private static final int DEFAULT_FREQUENCY = 1024;

  private final Map<String, Entry> entries;

  private FinanceDictionary(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** An empty dictionary: segmentation is HanLP's own. */
  public static FinanceDictionary empty() {
    return new FinanceDictionary(Map.of());
  }

  /** A dictionary of the given words with the default nature and frequency. */
  public static FinanceDictionary of(String... words) {
    List<String> lines = new ArrayList<>();
    for (String word : words) {
      lines.add(word);
    }
    return parse(lines, "(inline)");
  }

  /**
   * Loads every {@code *.txt} file of a directory, or one file.
   *
   * @throws IllegalArgumentException naming the file and line of the first bad entry
   * @throws IOException when a file cannot be read
   */
  public static FinanceDictionary load(Path fileOrDirectory) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrDirectory)) {
      try (var stream = Files.list(fileOrDirectory)) {
        stream
            .filter(p -> p.getFileName().toString().endsWith(".txt"))
            .sorted()
            .forEach(files::add);
      }
    } else {
      files.add(fileOrDirectory);
    }
    Map<String, Entry> merged = new LinkedHashMap<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        merged.putAll(read(in, file.toString()).entries);
      }
    }
    return new FinanceDictionary(Map.copyOf(merged));
  }

  /**
   * Reads one dictionary file from a stream (a search server's config resource, a jar entry), in
   * the format of {@link #load}. The stream is read to its end, not closed.
   *
   * @param source what the stream is, for error messages ({@code finance.txt})
   * @throws IllegalArgumentException naming {@code source} and the line of the first bad entry, or
   *     when the stream is not UTF-8
   */
  public static FinanceDictionary read(InputStream in, String source) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<String> lines = new ArrayList<>();
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(source + ": not UTF-8 text", e);
    }
    return parse(lines, source);
  }

  /** This dictionary with the entries of {@code other} added (theirs win for the same word). */
  public FinanceDictionary with(FinanceDictionary other) {
    Map<String, Entry> merged = new LinkedHashMap<>(entries);
    merged.putAll(other.entries);
    return new FinanceDictionary(Map.copyOf(merged));
  }

  static FinanceDictionary parse(List<String> lines, String source) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    int lineNo = 0;
    for (String raw : lines) {
      lineNo++;
      String line = raw.strip();
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length > 3) {
        throw new IllegalArgumentException(
            source + ":" + lineNo + ": expected 'word [nature [frequency]]', got '" + line + "'");
      }
      String nature = parts.length > 1 ? parts[1] : DEFAULT_NATURE;
      int frequency = DEFAULT_FREQUENCY;
      if (parts.length > 2) {
        try {
          frequency = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              source + ":" + lineNo + ": frequency '" + parts[2] + "' is not a number", e);
        }
        if (frequency <= 0) {
          throw new IllegalArgumentException(
              source + ":" + lineNo + ": frequency must be positive, got " + frequency);
        }
      }
      String word = Normalizer.normalize(parts[0]);
      entries.put(word, new Entry(word, nature, frequency));
    }
    return new FinanceDictionary(Map.copyOf(entries));
  }

  /** The entries, normalised, in no particular order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  public boolean contains(String word) {
    return entries.containsKey(Normalizer.normalize(word));
  }

  public int size() {
    return entries.size();
  }
}
