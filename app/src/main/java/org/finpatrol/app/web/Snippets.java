package org.finpatrol.app.web;

import java.util.ArrayList;
import java.util.List;
import org.finpatrol.indexer.Snippet;
import org.springframework.stereotype.Component;

/**
 * Splits a snippet into plain and matched parts so templates can mark matches while escaping every
 * character of crawled text.
 */
@Component("snippets")
public class Snippets {

  /** A run of snippet text, matched or not. */
  public record Part(String text, boolean match) {}

  public List<Part> parts(Snippet snippet) {
    List<Part> parts = new ArrayList<>();
    int pos = 0;
    for (Snippet.Range r : snippet.matches()) {
      if (r.start() > pos) {
        parts.add(new Part(snippet.text().substring(pos, r.start()), false));
      }
      parts.add(new Part(snippet.text().substring(r.start(), r.end()), true));
      pos = r.end();
    }
    if (pos < snippet.text().length()) {
      parts.add(new Part(snippet.text().substring(pos), false));
    }
    return parts;
  }
}
