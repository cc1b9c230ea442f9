package org.finpatrol.crawler;

/**
 * What a previous patrol learnt about a URL, for a conditional GET: the ETag and Last-Modified
 * values it was served with (either may be null).
 */
public record Validators(String etag, String lastModified) {}
