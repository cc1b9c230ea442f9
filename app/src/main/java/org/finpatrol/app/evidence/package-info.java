/**
 * Evidence as reviewers see it: a fetched page's record, its extracted text with the findings
 * marked, and the response body read back from the WARC file for download or a sandboxed view.
 */
package org.finpatrol.app.evidence;
