package org.finpatrol.crawler;

import java.net.URI;
import java.util.Locale;

/** URL helpers shared by the crawl stage and its users. */
public final class Urls {

  private Urls() {}

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
