package org.finpatrol.crawler;

/**
 * Thrown by a {@link PageSink} that can take no more pages (its database stayed away): the crawl
 * stops as it does on a full disk, and {@link CrawlSummary#stoppedBecause()} gives this message.
 * Pages fetched but not stored are fetched again by the resumed crawl.
 */
public class SinkUnavailableException extends RuntimeException {

  public SinkUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
