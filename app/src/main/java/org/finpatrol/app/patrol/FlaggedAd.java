package org.finpatrol.app.patrol;

import java.util.List;
import org.finpatrol.review.Evidence;

/** An ad whose creative claims guaranteed returns, where it was seen, and its evidence. */
record FlaggedAd(
    long id,
    String text,
    String landingUrl,
    String landingHost,
    java.util.Set<String> categories,
    List<String> signals,
    String seenOnHost,
    Evidence evidence) {}
