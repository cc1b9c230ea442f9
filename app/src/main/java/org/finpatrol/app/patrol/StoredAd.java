package org.finpatrol.app.patrol;

/** An advertisement stored with the page it was seen on. */
record StoredAd(
    long id, long pageId, String text, String landingUrl, String landingHost, boolean labelled) {}
