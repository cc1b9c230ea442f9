package org.finpatrol.crawler;

import java.time.Instant;

/**
 * Where the evidence of a response lies: the WARC file (name relative to the evidence directory),
 * the response record's id and offset in the file, the hex SHA-256 of the body as received (after
 * any Content-Encoding is undone), and the fetch time.
 */
public record EvidenceRef(
    String warcFile, String recordId, long offset, String sha256, Instant fetchedAt) {}
