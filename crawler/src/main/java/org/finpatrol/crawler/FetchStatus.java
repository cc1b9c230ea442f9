package org.finpatrol.crawler;

/** What happened when a URL was fetched. Everything but {@link #OK} comes with a cause. */
public enum FetchStatus {
  /** A 2xx response whose body was read (possibly truncated, see {@link FetchedPage#truncated}). */
  OK,
  /** A 3xx response; the target is in the cause and is crawled if in scope. */
  REDIRECT,
  /** A 4xx or 5xx response. */
  HTTP_ERROR,
  /** robots.txt does not allow FinPatrol to fetch the URL (recorded for seeds). */
  ROBOTS_DISALLOWED,
  /** The host resolves to a loopback or private address and private networks are not allowed. */
  BLOCKED_PRIVATE_NETWORK,
  /** The body was larger than the size cap announced by Content-Length. */
  TOO_LARGE,
  /** Connection refused, timeout, DNS failure, reset, ... */
  FETCH_ERROR,
  /** The body could not be parsed. */
  PARSE_ERROR
}
