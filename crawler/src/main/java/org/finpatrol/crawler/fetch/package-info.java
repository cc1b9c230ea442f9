/** crawler4j glue: scope decisions, the per-thread crawler, and the Jsoup-backed HTML parser. */
package org.finpatrol.crawler.fetch;
