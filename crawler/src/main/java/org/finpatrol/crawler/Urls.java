package org.finpatrol.crawler;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL helpers shared by the crawl stage and its users. */
public final class Urls {

  private static final Pattern IP = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:]+]?");

  private Urls() {}

  /**
   * The platform a host belongs to: its registrable domain by the public suffix list
   * (www.xinsheng.com.cn and m.xinsheng.com.cn → xinsheng.com.cn; a.b.hebi.gov.cn → hebi.gov.cn),
   * the host itself for an IP address or a single label. One platform is one case, whatever
   * subdomain, port or path it shows up on.
   */
  public static String platform(String host) {
    if (host == null || host.isBlank()) {
      return host;
    }
    String h = host.toLowerCase(Locale.ROOT).strip();
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (IP.matcher(h).matches() || !h.contains(".")) {
      return h;
    }
    if (EffectiveTldFinder.getEffectiveTLD(h) == null) {
      // A suffix the list does not know (.test, .example, an intranet's): the last two labels.
      return h.substring(h.lastIndexOf('.', h.lastIndexOf('.') - 1) + 1);
    }
    String domain = EffectiveTldFinder.getAssignedDomain(h);
    return domain == null || domain.isBlank() ? h : domain;
  }

  /** The lower-case host of {@code url}, or null when it has none or is not a valid URI. */
  public static String host(String url) {
    if (url == null || url.isEmpty()) {
      return null;
    }
    try {
      String host = URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
