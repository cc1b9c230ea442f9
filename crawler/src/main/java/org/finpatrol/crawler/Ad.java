package org.finpatrol.crawler;

/**
 * An advertisement found on a page: its creative text, its landing URL (absolute, may be null), and
 * why it was taken for an ad (a 广告/推广 label, an ad-like class or id, an iframe from another host).
 */
public record Ad(String text, String landingUrl, String reason) {}
