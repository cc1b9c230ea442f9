package org.finpatrol.crawler;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

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
 * @param threadsPerHost fetch threads one host may occupy at once (at most {@code threads}): a slow
 *     host, or any host at politeness 0, cannot take them all
 * @param maxBytes response bodies are truncated (and marked) beyond this size
 * @param timeout connect and read timeout
 * @param hostOverrides host names resolved to fixed addresses instead of DNS (like curl's {@code
 *     --resolve}); used for the bundled demo sites and tests
 * @param perHostMaxPages pages to fetch at most from one host (a spider-trap guard)
 * @param totalTimeout the longest one request may take, body included (slow-drip guard)
 * @param validators what a previous patrol saw of a URL, for conditional GETs (null for none)
 * @param warcRolloverBytes size at which a WARC file is closed and the next one started
 * @param minFreeBytes free space kept on the evidence disk: the crawl stops before going under it
 * @param hostsOwned the hosts this crawl may fetch from (all unless it is one partition of a patrol
 *     spread over several workers, where each host belongs to exactly one partition)
 * @param pageBudget pages shared with crawls elsewhere (a patrol's partitions), on top of {@code
 *     maxPages}
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
    int threadsPerHost,
    int maxBytes,
    Duration timeout,
    Map<String, InetAddress> hostOverrides,
    int perHostMaxPages,
    Duration totalTimeout,
    Function<String, Validators> validators,
    long warcRolloverBytes,
    long minFreeBytes,
    Predicate<String> hostsOwned,
    PageBudget pageBudget) {

  public static final String DEFAULT_USER_AGENT =
      "FinPatrol/0.1 (+https://github.com/finpatrol/finpatrol; financial-ad patrol)";

  public CrawlSettings {
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(evidenceDir, "evidenceDir");
    require(maxPages >= 1, "maxPages must be at least 1, got " + maxPages);
    require(maxDepth >= 0, "maxDepth must not be negative, got " + maxDepth);
    require(politenessMs >= 0, "politenessMs must not be negative, got " + politenessMs);
    require(threads >= 1, "threads must be at least 1, got " + threads);
    require(threadsPerHost >= 1, "threadsPerHost must be at least 1, got " + threadsPerHost);
    threadsPerHost = Math.min(threadsPerHost, threads);
    require(maxBytes >= 1024, "maxBytes must be at least 1024, got " + maxBytes);
    Objects.requireNonNull(userAgent, "userAgent");
    require(
        userAgent.contains("FinPatrol"), "userAgent must name FinPatrol, got '" + userAgent + "'");
    Objects.requireNonNull(timeout, "timeout");
    hostOverrides = Map.copyOf(hostOverrides);
    require(perHostMaxPages >= 1, "perHostMaxPages must be at least 1, got " + perHostMaxPages);
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    require(!totalTimeout.isNegative() && !totalTimeout.isZero(), "totalTimeout must be positive");
    validators = validators == null ? url -> null : validators;
    require(warcRolloverBytes >= 1024 * 1024, "warcRolloverBytes must be at least 1 MiB");
    require(minFreeBytes >= 0, "minFreeBytes must not be negative, got " + minFreeBytes);
    hostsOwned = hostsOwned == null ? host -> true : hostsOwned;
    pageBudget = pageBudget == null ? PageBudget.UNLIMITED : pageBudget;
  }

  /**
   * Settings with the defaults (1,000 pages, 500 a host, depth 2, 1 s politeness, private network
   * refused, 4 threads of which 2 for one host at a time, 2 MiB bodies, 20 s connect/read and 60 s
   * total timeouts, 1 GiB WARC files, no conditional GETs), to adjust with the builder.
   */
  public static Builder builder(Path workDir, Path evidenceDir) {
    return new Builder(workDir, evidenceDir);
  }

  /** Builds {@link CrawlSettings}; validation happens in {@link #build()}. */
  public static final class Builder {
    private final Path workDir;
    private final Path evidenceDir;
    private int maxPages = 1000;
    private int maxDepth = 2;
    private int politenessMs = 1000;
    private boolean allowPrivateNetwork;
    private String userAgent = DEFAULT_USER_AGENT;
    private int threads = 4;
    private int threadsPerHost = 2;
    private int maxBytes = 2 * 1024 * 1024;
    private Duration timeout = Duration.ofSeconds(20);
    private Map<String, InetAddress> hostOverrides = Map.of();
    private int perHostMaxPages = 500;
    private Duration totalTimeout = Duration.ofSeconds(60);
    private Function<String, Validators> validators;
    private long warcRolloverBytes = 1L << 30;
    private long minFreeBytes = 256L << 20;
    private Predicate<String> hostsOwned;
    private PageBudget pageBudget;

    private Builder(Path workDir, Path evidenceDir) {
      this.workDir = workDir;
      this.evidenceDir = evidenceDir;
    }

    public Builder limits(int maxPages, int maxDepth, int politenessMs) {
      this.maxPages = maxPages;
      this.maxDepth = maxDepth;
      this.politenessMs = politenessMs;
      return this;
    }

    public Builder allowPrivateNetwork(boolean allow) {
      this.allowPrivateNetwork = allow;
      return this;
    }

    public Builder hostOverrides(Map<String, InetAddress> overrides) {
      this.hostOverrides = overrides;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Fetch threads one host may occupy at once (default 2; at most {@code threads}). */
    public Builder threadsPerHost(int threads) {
      this.threadsPerHost = threads;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder perHostMaxPages(int pages) {
      this.perHostMaxPages = pages;
      return this;
    }

    public Builder totalTimeout(Duration timeout) {
      this.totalTimeout = timeout;
      return this;
    }

    public Builder validators(Function<String, Validators> validators) {
      this.validators = validators;
      return this;
    }

    public Builder warcRolloverBytes(long bytes) {
      this.warcRolloverBytes = bytes;
      return this;
    }

    /** Free space to keep on the evidence disk (default 256 MiB). */
    public Builder minFreeBytes(long bytes) {
      this.minFreeBytes = bytes;
      return this;
    }

    /** Restricts the crawl to the hosts {@code owned} accepts (lower-case names). */
    public Builder hostsOwned(Predicate<String> owned) {
      this.hostsOwned = owned;
      return this;
    }

    /** Shares the crawl's pages with crawls elsewhere (the partitions of one patrol). */
    public Builder pageBudget(PageBudget budget) {
      this.pageBudget = budget;
      return this;
    }

    public Builder maxBytes(int maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public CrawlSettings build() {
      return new CrawlSettings(
          workDir,
          evidenceDir,
          maxPages,
          maxDepth,
          politenessMs,
          allowPrivateNetwork,
          userAgent,
          threads,
          threadsPerHost,
          maxBytes,
          timeout,
          hostOverrides,
          perHostMaxPages,
          totalTimeout,
          validators,
          warcRolloverBytes,
          minFreeBytes,
          hostsOwned,
          pageBudget);
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
