package org.finpatrol.app.patrol;

import java.util.List;
import java.util.Map;

/**
 * What a patrol run is asked to do: seed URLs and crawl limits, and host overrides (names resolved
 * to fixed addresses; the demo uses them for its bundled sites).
 */
public record PatrolRequest(
    List<String> seeds,
    int maxPages,
    int maxDepth,
    int politenessMs,
    boolean allowPrivateNetwork,
    Map<String, String> hostOverrides,
    int maxPagesPerHost) {

  /** Pages fetched at most from one host unless asked otherwise (a spider-trap guard). */
  public static final int DEFAULT_PAGES_PER_HOST = 500;

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
  }

  /** A request with the default limit of pages per host. */
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
        DEFAULT_PAGES_PER_HOST);
  }

  /** This request with {@code more} seeds after its own (tips, pages to re-check). */
  public PatrolRequest plusSeeds(List<String> more) {
    List<String> all = new java.util.ArrayList<>(seeds);
    more.stream().filter(u -> !all.contains(u)).forEach(all::add);
    return new PatrolRequest(
        all, maxPages, maxDepth, politenessMs, allowPrivateNetwork, hostOverrides, maxPagesPerHost);
  }
}
