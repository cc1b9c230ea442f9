package org.finpatrol.crawler;

/**
 * Receives every URL the crawler processed, successful or not. Called from several crawler threads
 * at once: implementations must be thread-safe. An exception thrown here is logged and counted; it
 * does not stop the crawl, except a {@link SinkUnavailableException}, which does.
 */
@FunctionalInterface
public interface PageSink {
  void accept(FetchedPage page);
}
