/**
 * The patrol: a Spring Batch job with one step per stage (seed, crawl, index, classify, platform,
 * queue), its request, its working tables and its report.
 */
package org.finpatrol.app.patrol;
