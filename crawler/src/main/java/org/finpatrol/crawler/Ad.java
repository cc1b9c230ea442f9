package org.finpatrol.crawler;

/**
 * An advertisement found on a page: its creative text, its landing URL (absolute, may be null), why
 * it was taken for an ad (a 广告/推广 label, an ad-like class or id, an iframe from another host), and
 * whether it shows the 广告 label the Advertising Law (第十四条) requires of internet ads. An iframe's
 * content is not fetched, so an iframe ad counts as labelled: nothing is known.
 */
public record Ad(String text, String landingUrl, String reason, boolean labelled) {}
