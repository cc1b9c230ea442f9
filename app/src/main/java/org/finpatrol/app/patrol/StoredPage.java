package org.finpatrol.app.patrol;

import java.time.Instant;

/**
 * A successfully fetched page as the crawl step stored it; {@code adCount} says whether its ads
 * need looking up (most pages carry none).
 */
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
    String factsJson,
    int adCount) {}
