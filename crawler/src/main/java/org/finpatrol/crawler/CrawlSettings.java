package org.finpatrol.crawler;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a crawl runs.
 *
 * @param workDir crawler4j's frontier and scratch files (emptied at the start of a crawl)
 * @param evidenceDir where WARC files are written
 * @param maxPages pages to fetch at most, all hosts together
 * @param maxDepth link depth from the seeds; 0 fetches the seeds only
 * @param politenessMs pause between two requests to the same host
 * @param allowPrivateNetwork fetch from loopback and private addresses (off by default: crawled
 *     links must not reach into the operator's own network)
 * @param userAgent the User-Agent header; names FinPatrol and a contact URL
 * @param threads fetch threads
 * @param maxBytes response bodies are truncated (and marked) beyond this size
 * @param timeout connect and read timeout
 * @param hostOverrides host names resolved to fixed addresses instead of DNS (like curl's {@code
 *     --resolve}); used for the bundled demo sites and tests
 */
public record CrawlSettings(
    Path workDir,
    Path evidenceDir,
    int maxPages,
    int maxDepth,
    int politenessMs,
    boolean allowPrivateNetwork,
    String userAgent,
    int threads,
    int maxBytes,
    Duration timeout,
    Map<String, InetAddress> hostOverrides) {

  public static final String DEFAULT_USER_AGENT =
      "FinPatrol/0.1 (+https://github.com/finpatrol/finpatrol; financial-ad patrol)";

  public CrawlSettings {
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(evidenceDir, "evidenceDir");
    require(maxPages >= 1, "maxPages must be at least 1, got " + maxPages);
    require(maxDepth >= 0, "maxDepth must not be negative, got " + maxDepth);
    require(politenessMs >= 0, "politenessMs must not be negative, got " + politenessMs);
    require(threads >= 1, "threads must be at least 1, got " + threads);
    require(maxBytes >= 1024, "maxBytes must be at least 1024, got " + maxBytes);
    Objects.requireNonNull(userAgent, "userAgent");
    require(
        userAgent.contains("FinPatrol"), "userAgent must name FinPatrol, got '" + userAgent + "'");
    Objects.requireNonNull(timeout, "timeout");
    hostOverrides = Map.copyOf(hostOverrides);
  }

  /** Defaults: 1,000 pages, depth 2, 1 s politeness, private network refused, 4 threads, 2 MiB. */
  public static CrawlSettings defaults(Path workDir, Path evidenceDir) {
    return new CrawlSettings(
        workDir,
        evidenceDir,
        1000,
        2,
        1000,
        false,
        DEFAULT_USER_AGENT,
        4,
        2 * 1024 * 1024,
        Duration.ofSeconds(20),
        Map.of());
  }

  public CrawlSettings withLimits(int maxPages, int maxDepth, int politenessMs) {
    return new CrawlSettings(
        workDir,
        evidenceDir,
        maxPages,
        maxDepth,
        politenessMs,
        allowPrivateNetwork,
        userAgent,
        threads,
        maxBytes,
        timeout,
        hostOverrides);
  }

  public CrawlSettings withPrivateNetwork(boolean allow) {
    return new CrawlSettings(
        workDir,
        evidenceDir,
        maxPages,
        maxDepth,
        politenessMs,
        allow,
        userAgent,
        threads,
        maxBytes,
        timeout,
        hostOverrides);
  }

  public CrawlSettings withHostOverrides(Map<String, InetAddress> overrides) {
    return new CrawlSettings(
        workDir,
        evidenceDir,
        maxPages,
        maxDepth,
        politenessMs,
        allowPrivateNetwork,
        userAgent,
        threads,
        maxBytes,
        timeout,
        overrides);
  }

  public CrawlSettings withThreads(int threads) {
    return new CrawlSettings(
        workDir,
        evidenceDir,
        maxPages,
        maxDepth,
        politenessMs,
        allowPrivateNetwork,
        userAgent,
        threads,
        maxBytes,
        timeout,
        hostOverrides);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
