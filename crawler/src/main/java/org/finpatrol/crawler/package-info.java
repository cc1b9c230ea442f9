/**
 * The crawl stage: {@link org.finpatrol.crawler.Crawler} patrols seed sites with crawler4j and
 * hands every fetched page, with its evidence, to a {@link org.finpatrol.crawler.PageSink}.
 */
package org.finpatrol.crawler;
