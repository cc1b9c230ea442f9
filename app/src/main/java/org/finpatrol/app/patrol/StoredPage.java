package org.finpatrol.app.patrol;

import java.time.Instant;

/** A successfully fetched page as the crawl step stored it. */
record StoredPage(
    long id,
    String url,
    String host,
    String title,
    String text,
    Instant fetchedAt,
    String warcFile,
    String recordId,
    String sha256,
    String factsJson) {}
