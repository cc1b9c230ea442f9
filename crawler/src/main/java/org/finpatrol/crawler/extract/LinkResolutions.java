package org.finpatrol.crawler.extract;

import java.util.concurrent.ConcurrentHashMap;
import org.finpatrol.crawler.Urls;
import org.jsoup.nodes.Element;

/**
 * Jsoup's {@link Element#absUrl}, without parsing the base and the link into {@link java.net.URL}s
 * for every link of every page as Jsoup does (8 % of the crawl threads' time before this class).
 *
 * <p>A plain root-relative link ({@code /p/12?id=3}: no dot segments, no fragment, no character
 * that {@code URL} would treat specially) against a plain base ({@code http://host:port/...}, host
 * in lower case) is the base's scheme and authority followed by the link. Other links whose
 * absolute form does not depend on the page's path are remembered: absolute http(s) links, and
 * other links starting with one {@code /}, whose form depends only on the base's scheme and
 * authority (a site's pages link to the same pages over and over). Any other link (relative to the
 * page's directory, a fragment alone, an empty one) is resolved by Jsoup each time. Thread-safe.
 */
final class LinkResolutions {

  /** How many resolutions are remembered before the memory starts again. */
  static final int REMEMBERED = 20_000;

  private final ConcurrentHashMap<String, String> known = new ConcurrentHashMap<>();

  /** The same as {@code el.absUrl(attribute)}. */
  String absUrl(Element el, String attribute) {
    String link = el.attr(attribute);
    if (plainPath(link)) {
      String origin = plainOrigin(el.baseUri());
      if (origin != null) {
        return origin + link;
      }
    }
    String key = key(el, link);
    if (key == null) {
      return el.absUrl(attribute);
    }
    String resolved = known.get(key);
    if (resolved == null) {
      resolved = el.absUrl(attribute);
      if (known.size() >= REMEMBERED) {
        known.clear();
      }
      known.put(key, resolved);
    }
    return resolved;
  }

  /** How many resolutions are remembered now. */
  int remembered() {
    return known.size();
  }

  /**
   * The memory's key for the link, or null when its resolution may depend on more than the key
   * says. An absolute http(s) link with a host and a path resolves the same against any base (Jsoup
   * drops control characters from both, so the key is the link as written); without a host or a
   * path, {@link java.net.URL} may take them from the base ({@code http://#} does). A link starting
   * with one {@code /} takes everything but the scheme and authority from itself; the key adds the
   * base up to the first {@code /} after its {@code ://}, which holds the whole authority (it ends
   * at the first {@code /}, {@code ?} or {@code #}) and perhaps more, which only makes the key
   * finer. The two are joined by a NUL, so a link holding one is never remembered: then no key is
   * ambiguous.
   */
  private static String key(Element el, String link) {
    if (link.indexOf('\0') >= 0) {
      return null;
    }
    int linkAuthority = authority(link);
    if (linkAuthority > 0) {
      return hostAndPath(link, linkAuthority) ? link : null;
    }
    if (!link.startsWith("/") || link.startsWith("//")) {
      return null;
    }
    String base = el.baseUri();
    int authority = authority(base);
    if (authority < 0) {
      return null;
    }
    int path = base.indexOf('/', authority);
    String origin = path < 0 ? base : base.substring(0, path);
    return origin + '\0' + link;
  }

  /** Where the authority of an {@code http://} or {@code https://} URL begins; -1 for others. */
  private static int authority(String url) {
    return url.startsWith("http://") ? 7 : url.startsWith("https://") ? 8 : -1;
  }

  /** Whether the URL's authority, from {@code start}, is not empty and ends in a {@code /}. */
  private static boolean hostAndPath(String url, int start) {
    for (int i = start; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return c == '/' && i > start;
      }
    }
    return false;
  }

  /**
   * Whether the link is {@code /} and then only letters, digits and {@code -._~/?=&%+}, with no
   * {@code //} at its start and no {@code /.} anywhere (so no dot segment for {@code URL} to
   * remove): {@code URL} and Jsoup give such a path and query back as they are.
   */
  static boolean plainPath(String link) {
    if (link.isEmpty() || link.charAt(0) != '/' || link.startsWith("//")) {
      return false;
    }
    for (int i = 1; i < link.length(); i++) {
      char c = link.charAt(i);
      boolean plain =
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '/'
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '?'
              || c == '='
              || c == '&'
              || c == '%'
              || c == '+';
      if (!plain || c == '.' && link.charAt(i - 1) == '/') {
        return false;
      }
    }
    return true;
  }

  /**
   * The base's {@code http://host} or {@code https://host:port} when the host is lower-case
   * letters, digits, dots and hyphens and the port, if any, digits without a leading zero (which
   * {@code URL} would drop), followed by the end, {@code /}, {@code ?} or {@code #}; otherwise
   * null.
   */
  static String plainOrigin(String base) {
    int authority = authority(base);
    int end = authority < 0 ? -1 : Urls.plainAuthorityEnd(base, authority);
    if (end < 0 || end < base.length() && "/?#".indexOf(base.charAt(end)) < 0) {
      return null;
    }
    return base.substring(0, end);
  }
}
