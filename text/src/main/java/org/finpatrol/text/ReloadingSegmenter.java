package org.finpatrol.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current {@link Segmenter} for a dictionary directory (or file), reloaded when the files
 * change: an analyst adds a word to {@code config/dictionaries/finance.txt} and, within a couple of
 * seconds, a running server segments with it — no restart.
 *
 * <p>The files are looked at no more often than every {@value #CHECK_INTERVAL_MS} ms, by the caller
 * that asks after the interval (a stat of each file; nothing on the other calls). A change in the
 * set of files, a size or a modification time makes a new {@code Segmenter}; if the new files do
 * not load (a bad line), the error is logged with its file and line and the previous dictionary
 * stays in use. Thread-safe.
 */
public final class ReloadingSegmenter implements Supplier<Segmenter> {

  private static final Logger log = LoggerFactory.getLogger(ReloadingSegmenter.class);

  static final long CHECK_INTERVAL_MS = 2000;

  private final Path source;
  private final LongSupplier clock;
  private volatile Segmenter current;
  private volatile long nextCheck;
  private List<String> stamp;

  /**
   * Loads the dictionary now.
   *
   * @throws IllegalArgumentException naming the file and line of a bad entry
   * @throws IOException when a file cannot be read
   */
  public ReloadingSegmenter(Path source) throws IOException {
    this(source, System::currentTimeMillis);
  }

  ReloadingSegmenter(Path source, LongSupplier clock) throws IOException {
    this.source = source;
    this.clock = clock;
    this.stamp = stamp();
    this.current = new Segmenter(FinanceDictionary.load(source));
    this.nextCheck = clock.getAsLong() + CHECK_INTERVAL_MS;
  }

  @Override
  public Segmenter get() {
    if (clock.getAsLong() >= nextCheck) {
      checkForChanges();
    }
    return current;
  }

  private synchronized void checkForChanges() {
    long now = clock.getAsLong();
    if (now < nextCheck) {
      return;
    }
    nextCheck = now + CHECK_INTERVAL_MS;
    try {
      List<String> seen = stamp();
      if (seen.equals(stamp)) {
        return;
      }
      stamp = seen;
      FinanceDictionary dictionary = FinanceDictionary.load(source);
      current = new Segmenter(dictionary);
      log.info("finance dictionary reloaded from {}: {} words", source, dictionary.size());
    } catch (IOException | RuntimeException e) {
      log.error(
          "finance dictionary in {} not reloaded, the previous one stays in use: {}",
          source,
          e.getMessage());
    }
  }

  /** Name, size and modification time of each dictionary file. */
  private List<String> stamp() throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(source)) {
      try (Stream<Path> list = Files.list(source)) {
        list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().forEach(files::add);
      }
    } else {
      files.add(source);
    }
    List<String> stamp = new ArrayList<>();
    for (Path file : files) {
      stamp.add(file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
    }
    return stamp;
  }
}
