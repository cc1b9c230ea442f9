package org.finpatrol.app.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a text into plain and marked parts for display, from the character ranges of findings.
 * Overlapping ranges merge (their labels join); ranges outside the text are clipped or dropped, so
 * stale offsets never fail a page. The parts are text, to be escaped by the template.
 */
public final class Highlights {

  /** A range to mark and what to call it. */
  public record Range(int start, int end, String label) {}

  /** A run of text; {@code label} is null for unmarked text. */
  public record Part(String text, String label) {
    public boolean marked() {
      return label != null;
    }
  }

  private Highlights() {}

  public static List<Part> split(String text, List<Range> ranges) {
    List<Range> sorted =
        ranges.stream()
            .map(
                r -> new Range(Math.max(0, r.start()), Math.min(text.length(), r.end()), r.label()))
            .filter(r -> r.start() < r.end())
            .sorted(Comparator.comparingInt(Range::start).thenComparingInt(Range::end))
            .toList();
    List<Part> out = new ArrayList<>();
    int at = 0;
    int i = 0;
    while (i < sorted.size()) {
      Range first = sorted.get(i);
      int start = Math.max(first.start(), at);
      int end = first.end();
      List<String> labels = new ArrayList<>(List.of(first.label()));
      i++;
      while (i < sorted.size() && sorted.get(i).start() < end) {
        end = Math.max(end, sorted.get(i).end());
        if (!labels.contains(sorted.get(i).label())) {
          labels.add(sorted.get(i).label());
        }
        i++;
      }
      if (start >= end) {
        continue;
      }
      if (at < start) {
        out.add(new Part(text.substring(at, start), null));
      }
      out.add(new Part(text.substring(start, end), String.join(", ", labels)));
      at = end;
    }
    if (at < text.length()) {
      out.add(new Part(text.substring(at), null));
    }
    return out;
  }
}
