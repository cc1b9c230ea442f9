package org.finpatrol.crawler.fetch;

import java.net.URI;
import java.time.Year;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which links a patrol follows, and the guards against spider traps.
 *
 * <p>In scope are the seed hosts and the hosts admitted during the crawl: a link from an in-scope
 * page to another host is followed when it is an ad's landing page or when the page mentions
 * financial business (the platform it names is worth a look), and that host is then in scope too.
 * Depth is limited by crawler4j from the seeds. Links found on hosts not in scope are not followed.
 *
 * <p>Trap guards: a page budget per host, URLs over {@value #MAX_URL_LENGTH} characters or with
 * more than {@value #MAX_QUERY_PARAMS} query parameters, a path segment repeated {@value
 * #MAX_SEGMENT_REPEATS} times or more, paths deeper than {@value #MAX_PATH_DEPTH} segments, and
 * calendar pages (a date in the query, or a path ending in a date): dates out of [{@code now - 10
 * years}, {@code now + 1 year}], and at most {@value #MAX_CALENDAR_PAGES} per host. Also refused:
 * non-HTTP schemes and obvious binary files. Thread-safe.
 */
public final class Scope {

  static final int MAX_URL_LENGTH = 2048;
  static final int MAX_QUERY_PARAMS = 8;
  static final int MAX_SEGMENT_REPEATS = 3;
  static final int MAX_PATH_DEPTH = 15;
  static final int MAX_CALENDAR_PAGES = 30;

  private static final Pattern BINARY =
      Pattern.compile(
          ".*\\.(jpe?g|png|gif|webp|bmp|ico|svg|css|js|mjs|woff2?|ttf|eot|mp[34]|avi|mov|"
              + "wmv|flv|zip|rar|7z|gz|tgz|bz2|exe|apk|dmg|iso|msi|bin)$");
  private static final Pattern DATE =
      Pattern.compile(
          "(?<!\\d)((?:19|20|21)\\d\\d)[-/_.]?(0[1-9]|1[0-2])(?:[-/_.]?(0[1-9]|[12]\\d|3[01]))?(?!\\d)");
  private static final Set<String> FINANCE_WORDS =
      Set.of(
          "理财", "投资", "收益", "年化", "贷款", "借贷", "网贷", "出借", "金融", "保本", "利息", "众筹", "配资", "支付", "融资",
          "基金", "股权", "P2P", "p2p");

  /** Why a link was not followed (counted for the crawl summary). */
  public enum Refusal {
    OUT_OF_SCOPE,
    NOT_HTTP,
    BINARY,
    TOO_LONG,
    TOO_MANY_PARAMETERS,
    REPEATED_SEGMENTS,
    TOO_DEEP,
    CALENDAR,
    HOST_BUDGET,
    REDIRECT_CHAIN,
    /** The host belongs to another partition of a patrol spread over several workers. */
    OTHER_PARTITION,
    /** The pages the patrol's partitions share are taken (refused as it is scheduled). */
    PATROL_BUDGET
  }

  private final Set<String> hosts = ConcurrentHashMap.newKeySet();
  private final int perHostBudget;
  private final Predicate<String> owned;
  private final int minYear;
  private final int maxYear;
  private final ConcurrentHashMap<String, AtomicInteger> admitted = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, AtomicInteger> calendars = new ConcurrentHashMap<>();

  public Scope(Set<String> seedHosts, int perHostBudget) {
    this(seedHosts, perHostBudget, host -> true);
  }

  /** A scope that never admits a host {@code owned} refuses (another partition's). */
  public Scope(Set<String> seedHosts, int perHostBudget, Predicate<String> owned) {
    seedHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
    this.perHostBudget = perHostBudget;
    this.owned = owned;
    int now = Year.now(java.time.ZoneOffset.UTC).getValue();
    this.minYear = now - 10;
    this.maxYear = now + 1;
  }

  /**
   * Decides whether to fetch {@code url}, found on a page of {@code referringHost} (null for
   * seeds); {@code fromAd} when it is an ad's landing page, {@code financialPage} when the page
   * mentions financial business. Returns null when the URL is to be fetched (and counts it against
   * its host's budget), else why not.
   */
  public Refusal decide(String url, String referringHost, boolean fromAd, boolean financialPage) {
    if (url == null || url.length() > MAX_URL_LENGTH) {
      return Refusal.TOO_LONG;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Refusal.NOT_HTTP;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return Refusal.NOT_HTTP;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    boolean inScope = hosts.contains(host);
    boolean crossing =
        !inScope
            && referringHost != null
            && hosts.contains(referringHost)
            && (fromAd || financialPage);
    if (!inScope && !crossing) {
      return Refusal.OUT_OF_SCOPE;
    }
    if (!owned.test(host)) {
      return Refusal.OTHER_PARTITION;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    Refusal trap = trap(path.toLowerCase(Locale.ROOT), uri.getRawQuery());
    if (trap != null) {
      return trap;
    }
    if (isCalendar(path, uri.getRawQuery())) {
      Refusal calendar = calendar(host, path + "?" + uri.getRawQuery());
      if (calendar != null) {
        return calendar;
      }
    }
    AtomicInteger count = admitted.computeIfAbsent(host, h -> new AtomicInteger());
    if (count.incrementAndGet() > perHostBudget) {
      return Refusal.HOST_BUDGET;
    }
    if (crossing) {
      hosts.add(host);
    }
    return null;
  }

  /** Counts a seed against its host's page budget (seeds themselves are always fetched). */
  public void countSeed(String url) {
    String host = org.finpatrol.crawler.Urls.host(url);
    if (host != null) {
      admitted.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static Refusal trap(String path, String query) {
    if (BINARY.matcher(path).matches()) {
      return Refusal.BINARY;
    }
    if (query != null && query.split("&").length > MAX_QUERY_PARAMS) {
      return Refusal.TOO_MANY_PARAMETERS;
    }
    String[] segments = path.split("/");
    if (segments.length - 1 > MAX_PATH_DEPTH) {
      return Refusal.TOO_DEEP;
    }
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (String s : segments) {
      if (!s.isEmpty() && seen.merge(s, 1, Integer::sum) >= MAX_SEGMENT_REPEATS) {
        return Refusal.REPEATED_SEGMENTS;
      }
    }
    return null;
  }

  /**
   * A calendar page: a date in the query string, or a path that ends in a date (/2026/11/,
   * /day/2026-11-24). A dated article (/2026/11/24/slug.html) is not one.
   */
  static boolean isCalendar(String path, String query) {
    if (query != null && DATE.matcher(query).find()) {
      return true;
    }
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    Matcher m = DATE.matcher(trimmed);
    while (m.find()) {
      if (m.end() == trimmed.length()) {
        return true;
      }
    }
    return false;
  }

  private Refusal calendar(String host, String pathAndQuery) {
    Matcher m = DATE.matcher(pathAndQuery);
    while (m.find()) {
      int year = Integer.parseInt(m.group(1));
      if (year < minYear || year > maxYear) {
        return Refusal.CALENDAR;
      }
    }
    if (calendars.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet()
        > MAX_CALENDAR_PAGES) {
      return Refusal.CALENDAR;
    }
    return null;
  }

  /** Whether the text mentions financial business, which makes its off-site links worth a look. */
  public static boolean mentionsFinance(String text) {
    if (text == null) {
      return false;
    }
    for (String word : FINANCE_WORDS) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  public boolean inScope(String host) {
    return host != null && hosts.contains(host.toLowerCase(Locale.ROOT));
  }
}
