/** Extraction from HTML with Jsoup: charset, title, main text, links and advertisements. */
package org.finpatrol.crawler.extract;
