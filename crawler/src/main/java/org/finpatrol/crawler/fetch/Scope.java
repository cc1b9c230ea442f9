package org.finpatrol.crawler.fetch;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which links a patrol follows: pages on the seed hosts, and pages on other hosts that a seed-host
 * page links to directly (an ad's landing page, a platform named in an article), but not links
 * found on those other hosts. Depth is limited separately by crawler4j. Also refuses non-HTTP
 * schemes, obvious binary files and absurdly long URLs. Immutable.
 */
public final class Scope {

  static final int MAX_URL_LENGTH = 2048;
  private static final Pattern BINARY =
      Pattern.compile(
          ".*\\.(jpe?g|png|gif|webp|bmp|ico|svg|css|js|mjs|woff2?|ttf|eot|mp[34]|avi|mov|"
              + "wmv|flv|zip|rar|7z|gz|tgz|bz2|exe|apk|dmg|iso|msi|bin)$");

  private final Set<String> seedHosts;

  public Scope(Set<String> seedHosts) {
    this.seedHosts = Set.copyOf(seedHosts);
  }

  /** Whether to fetch {@code url}, found on a page of {@code referringHost} (null for seeds). */
  public boolean allows(String url, String referringHost) {
    if (url == null || url.length() > MAX_URL_LENGTH) {
      return false;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return false;
    }
    String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    if (BINARY.matcher(path).matches()) {
      return false;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return seedHosts.contains(host) || (referringHost != null && seedHosts.contains(referringHost));
  }

  public boolean isSeedHost(String host) {
    return host != null && seedHosts.contains(host.toLowerCase(Locale.ROOT));
  }
}
