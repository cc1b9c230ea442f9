package org.finpatrol.crawler;

/** What happened when a URL was fetched. Everything but {@link #OK} comes with a cause. */
public enum FetchStatus {
  /** A 2xx response whose body was read (possibly truncated, see {@link FetchedPage#truncated}). */
  OK,
  /** A 304 to a conditional GET: unchanged since the previous patrol (evidence of the 304 kept). */
  NOT_MODIFIED,
  /** A 3xx response; the target is in the cause and is crawled if in scope. */
  REDIRECT,
  /** A 4xx or 5xx response. */
  HTTP_ERROR,
  /** robots.txt does not allow FinPatrol to fetch the URL (recorded for seeds). */
  ROBOTS_DISALLOWED,
  /** The host resolves to a loopback or private address and private networks are not allowed. */
  BLOCKED_PRIVATE_NETWORK,
  /** Not used by the patrol fetcher, which truncates at the size cap instead (kept for callers). */
  TOO_LARGE,
  /** Connection refused, timeout, DNS failure, reset, ... */
  FETCH_ERROR,
  /** The body could not be parsed. */
  PARSE_ERROR,
  /** The body is not text (binary served as HTML, an image, ...); evidence is kept, no content. */
  UNSUPPORTED_CONTENT
}
