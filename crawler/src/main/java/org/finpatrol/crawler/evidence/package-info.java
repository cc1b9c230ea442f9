/** Evidence: every response appended to WARC files (ISO 28500) before anything else uses it. */
package org.finpatrol.crawler.evidence;
