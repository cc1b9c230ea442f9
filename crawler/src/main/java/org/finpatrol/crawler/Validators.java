package org.finpatrol.crawler;

import java.util.List;

/**
 * What a previous patrol learnt about a URL: the ETag and Last-Modified values it was served with
 * (either may be null), for a conditional GET, and the links it had, which a 304 answer does not
 * repeat: the crawl follows them as if the page had been fetched again.
 */
public record Validators(String etag, String lastModified, List<String> links) {

  public Validators {
    links = links == null ? List.of() : List.copyOf(links);
  }

  public Validators(String etag, String lastModified) {
    this(etag, lastModified, List.of());
  }
}
