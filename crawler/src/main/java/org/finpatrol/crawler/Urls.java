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

  /**
   * Where a plain authority in {@code url} that begins at {@code at} ends: a host of lower-case
   * letters, digits, dots and hyphens (at least one character), then perhaps {@code :} and a port
   * of 1 to 5 digits without a leading zero (which {@link java.net.URL} would drop); -1 when what
   * begins there is not that. The crawl's fast paths take such authorities as they are written.
   */
  public static int plainAuthorityEnd(String url, int at) {
    int host = at;
    while (at < url.length()) {
      char c = url.charAt(at);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
        break;
      }
      at++;
    }
    if (at == host) {
      return -1;
    }
    if (at < url.length() && url.charAt(at) == ':') {
      int port = ++at;
      while (at < url.length() && url.charAt(at) >= '0' && url.charAt(at) <= '9') {
        at++;
      }
      if (at == port || url.charAt(port) == '0' || at - port > 5) {
        return -1;
      }
    }
    return at;
  }
}
