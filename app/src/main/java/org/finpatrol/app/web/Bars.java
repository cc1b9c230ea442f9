package org.finpatrol.app.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A bar chart drawn by the server as SVG rectangles (the pages run no chart script: the CSP allows
 * none inline): labels with counts and bar lengths scaled to the largest.
 */
public record Bars(List<Bar> bars) {

  /** One bar: its label, its count, its length in the chart's units (0-100). */
  public record Bar(String label, long count, int length) {}

  static final int LENGTH = 100;

  /** Counts of each value, largest first (ties by label), at most {@code limit} bars. */
  static <T> Bars count(Stream<T> items, Function<T, Stream<String>> values, int limit) {
    Map<String, Long> counts = new LinkedHashMap<>();
    items.flatMap(values).forEach(v -> counts.merge(v, 1L, Long::sum));
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    return of(sorted.stream().limit(limit).toList());
  }

  /** Bars for these counts in this order. */
  static Bars of(List<Map.Entry<String, Long>> counts) {
    long max = counts.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
    return new Bars(
        counts.stream()
            .map(
                e ->
                    new Bar(
                        e.getKey(),
                        e.getValue(),
                        max == 0 ? 0 : (int) Math.max(1, e.getValue() * LENGTH / max)))
            .toList());
  }

  /** The chart's height for the template: one 22-unit row a bar. */
  public int height() {
    return Math.max(22, bars.size() * 22);
  }
}
