package org.finpatrol.app.patrol;

import java.util.List;
import java.util.Map;

/**
 * What a patrol run is asked to do: seed URLs and crawl limits, host overrides (names resolved to
 * fixed addresses; the demo uses them for its bundled sites), and the fetch threads, of which one
 * host may occupy {@code threadsPerHost} at once.
 */
public record PatrolRequest(
    List<String> seeds,
    int maxPages,
    int maxDepth,
    int politenessMs,
    boolean allowPrivateNetwork,
    Map<String, String> hostOverrides,
    int maxPagesPerHost,
    int threads,
    int threadsPerHost) {

  /** Pages fetched at most from one host unless asked otherwise (a spider-trap guard). */
  public static final int DEFAULT_PAGES_PER_HOST = 500;

  /** Fetch threads of a patrol unless asked otherwise. */
  public static final int DEFAULT_THREADS = 4;

  /** Fetch threads one host may occupy at once unless asked otherwise. */
  public static final int DEFAULT_THREADS_PER_HOST = 2;

  public PatrolRequest {
    seeds = List.copyOf(seeds);
    hostOverrides = Map.copyOf(hostOverrides);
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("a patrol needs at least one seed URL");
    }
    if (maxPagesPerHost < 1) {
      throw new IllegalArgumentException(
          "pages per host must be at least 1, got " + maxPagesPerHost);
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be 1-64, got " + threads);
    }
    if (threadsPerHost < 1) {
      throw new IllegalArgumentException(
          "threads per host must be at least 1, got " + threadsPerHost);
    }
  }

  /** A request with the default limits of pages per host and of fetch threads. */
  public PatrolRequest(
      List<String> seeds,
      int maxPages,
      int maxDepth,
      int politenessMs,
      boolean allowPrivateNetwork,
      Map<String, String> hostOverrides) {
    this(
        seeds,
        maxPages,
        maxDepth,
        politenessMs,
        allowPrivateNetwork,
        hostOverrides,
        DEFAULT_PAGES_PER_HOST,
        DEFAULT_THREADS,
        DEFAULT_THREADS_PER_HOST);
  }

  /** This request with {@code more} seeds after its own (tips, pages to re-check). */
  public PatrolRequest plusSeeds(List<String> more) {
    List<String> all = new java.util.ArrayList<>(seeds);
    more.stream().filter(u -> !all.contains(u)).forEach(all::add);
    return new PatrolRequest(
        all,
        maxPages,
        maxDepth,
        politenessMs,
        allowPrivateNetwork,
        hostOverrides,
        maxPagesPerHost,
        threads,
        threadsPerHost);
  }
}
