package org.finpatrol.app.evidence;

import java.time.Instant;

/**
 * A fetched page as its evidence describes it: where it came from, what it was, where its bytes lie
 * in the WARC files, and the text extracted from it.
 */
public record EvidencePage(
    long pageId,
    long runId,
    String url,
    String host,
    String title,
    String text,
    String fetchStatus,
    int httpStatus,
    String contentType,
    boolean truncated,
    String warcFile,
    String recordId,
    long warcOffset,
    String sha256,
    Instant fetchedAt) {

  /** The text the findings' offsets count in: the title, a line break, the body text. */
  public String classifiedText() {
    return title + "\n" + text;
  }
}
