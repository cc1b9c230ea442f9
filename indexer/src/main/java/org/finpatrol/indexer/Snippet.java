package org.finpatrol.indexer;

import java.util.List;

/**
 * A passage of a page's text with the matched ranges marked, as character offsets into {@code
 * text}. Presenters decide how to mark: the CLI wraps matches in {@code <em>} tags, the web UI
 * escapes the text first.
 */
public record Snippet(String text, List<Range> matches) {

  /** A matched range {@code [start, end)} of the snippet text. */
  public record Range(int start, int end) {}

  public Snippet {
    matches = List.copyOf(matches);
  }

  /** The snippet with each match wrapped in {@code open} and {@code close}; text is not escaped. */
  public String marked(String open, String close) {
    StringBuilder out = new StringBuilder(text.length() + matches.size() * 9);
    int pos = 0;
    for (Range r : matches) {
      out.append(text, pos, r.start()).append(open).append(text, r.start(), r.end()).append(close);
      pos = r.end();
    }
    return out.append(text, pos, text.length()).toString();
  }
}
