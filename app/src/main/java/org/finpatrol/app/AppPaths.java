package org.finpatrol.app;

import java.nio.file.Files;
import java.nio.file.Path;
import org.finpatrol.app.cli.UsageException;

/**
 * The two directories FinPatrol works with: {@code data} (database, index, WARC evidence, crawl
 * frontier, logs) and {@code config} (rule packs, dictionaries, units, seeds).
 */
public record AppPaths(Path data, Path config) {

  public Path index() {
    return data.resolve("index");
  }

  public Path evidence() {
    return data.resolve("evidence");
  }

  public Path frontier() {
    return data.resolve("frontier");
  }

  /**
   * Where the worker running partition {@code partition} of run {@code runId} keeps its crawl
   * frontier ({@code frontier/}) and its index shard ({@code index/}), until the manager merges the
   * shard into the index. Workers share the data directory (a network file system when they run on
   * other machines): evidence and shards must reach the manager.
   */
  public Path partition(long runId, int partition) {
    return partitions().resolve(partitionPrefix(runId) + partition);
  }

  /** Whether {@code dir} is one of run {@code runId}'s partition directories. */
  public boolean isPartitionOf(Path dir, long runId) {
    return dir.getParent().equals(partitions())
        && dir.getFileName().toString().startsWith(partitionPrefix(runId));
  }

  private static String partitionPrefix(long runId) {
    return "run-" + runId + "-p";
  }

  /** The directory of every partition's working files ({@link #partition}). */
  public Path partitions() {
    return data.resolve("partitions");
  }

  public Path logs() {
    return data.resolve("logs");
  }

  public Path rules() {
    return config.resolve("rules");
  }

  /** The licence registry (持牌机构名录). */
  public Path licences() {
    return config.resolve("licences.csv");
  }

  /** Platform risk bands and site-fact weights. */
  public Path risk() {
    return config.resolve("risk.yml");
  }

  /** The statistical model written by {@code finpatrol train}. */
  public Path model() {
    return config.resolve("model");
  }

  /** Labelled JSONL that {@code finpatrol train} learns from by default. */
  public Path training() {
    return config.resolve("training");
  }

  public Path dictionaries() {
    return config.resolve("dictionaries");
  }

  public Path units() {
    return config.resolve("units.yml");
  }

  public Path retention() {
    return config.resolve("retention.yml");
  }

  public Path schedules() {
    return config.resolve("schedules.yml");
  }

  public Path seeds() {
    return config.resolve("seeds");
  }

  /**
   * Resolves {@code --config}: the given directory, else {@code ./config}, else the {@code config}
   * directory of the installation ({@code FINPATROL_HOME}, set by the {@code ./finpatrol} launcher)
   * so the launcher works from any working directory.
   *
   * @throws UsageException when no configuration directory can be found
   */
  public static AppPaths resolve(Path data, Path config, String home) {
    Path chosen = config;
    if (chosen == null) {
      chosen = Path.of("config");
      if (!Files.isDirectory(chosen) && home != null && !home.isBlank()) {
        chosen = Path.of(home, "config");
      }
    }
    if (!Files.isDirectory(chosen)) {
      throw new UsageException(
          "configuration directory '" + chosen + "' does not exist (use --config DIR)");
    }
    return new AppPaths(data.toAbsolutePath().normalize(), chosen.toAbsolutePath().normalize());
  }
}
