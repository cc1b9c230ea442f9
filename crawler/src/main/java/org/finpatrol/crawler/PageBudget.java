package org.finpatrol.crawler;

/**
 * Pages a crawl may still take on, when the limit is shared with crawls elsewhere: the partitions
 * of one patrol, run by several workers, share the patrol's {@code --max-pages}. Every URL takes
 * one page as it is queued, seeds too, after crawler4j's own checks; one refused is not fetched
 * (nor offered again: crawler4j has marked it seen). Called from every fetch thread.
 */
@FunctionalInterface
public interface PageBudget {

  /** No limit beyond the crawl's own {@link CrawlSettings#maxPages()}. */
  PageBudget UNLIMITED = () -> true;

  /** Takes one page; false when the budget is spent (the URL is then not followed). */
  boolean take();
}
