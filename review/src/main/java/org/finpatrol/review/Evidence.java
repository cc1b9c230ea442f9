package org.finpatrol.review;

import java.time.Instant;
import java.util.Objects;

/**
 * A piece of evidence a case cites: the page URL, the WARC file and response record id, the hex
 * SHA-256 of the body as received, and when it was fetched.
 */
public record Evidence(String url, String warc, String recordId, String sha256, Instant fetchedAt) {
  public Evidence {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(warc, "warc");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
  }
}
