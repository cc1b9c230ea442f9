package org.finpatrol.crawler;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.finpatrol.crawler.net.GuardedDnsResolver;
import org.finpatrol.crawler.net.PrivateAddressException;

/** Validation of seed URLs before a patrol starts, so that bad input fails fast and clearly. */
public final class Seeds {

  private Seeds() {}

  /** A seed that cannot be used, and why. */
  public record Problem(String seed, String reason) {
    public String message() {
      return "seed '" + seed + "': " + reason;
    }
  }

  /**
   * Checks each seed: an absolute http(s) URL with a host that does not resolve to a private
   * address (unless {@code settings.allowPrivateNetwork()}). Returns the problems, none when all
   * seeds are fine. Hosts that do not resolve at all are not problems here: the crawl records them
   * as fetch errors.
   */
  public static List<Problem> check(List<String> seeds, CrawlSettings settings) {
    List<Problem> problems = new ArrayList<>();
    GuardedDnsResolver resolver =
        new GuardedDnsResolver(settings.hostOverrides(), settings.allowPrivateNetwork());
    for (String seed : seeds) {
      Problem bad = checkForm(seed);
      if (bad != null) {
        problems.add(bad);
        continue;
      }
      try {
        resolver.resolve(URI.create(seed.strip()).getHost());
      } catch (PrivateAddressException e) {
        problems.add(new Problem(seed, e.getMessage()));
      } catch (UnknownHostException e) {
        // A host that does not resolve now is a dead server, not bad input: the patrol records
        // a FETCH_ERROR for it and goes on.
      }
    }
    return problems;
  }

  /**
   * What is wrong with the seed's form (not an absolute http(s) URL with a host), or null when
   * nothing is. Resolves nothing, so a configuration check can run it on every seed file at start.
   */
  public static Problem checkForm(String seed) {
    URI uri;
    try {
      uri = new URI(seed.strip());
    } catch (URISyntaxException e) {
      return new Problem(seed, "not a valid URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new Problem(seed, "only http and https URLs can be patrolled");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return new Problem(seed, "the URL has no host");
    }
    return null;
  }
}
