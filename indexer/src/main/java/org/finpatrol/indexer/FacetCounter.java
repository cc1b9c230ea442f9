package org.finpatrol.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.finpatrol.indexer.SearchResult.FacetCount;

/**
 * Counts matching pages by label, host, county and month from doc values, in one pass over the
 * matches. Exact-term facets are counted by ordinal per segment and resolved to strings once per
 * segment, not per page. Not thread-safe: one instance per search.
 */
final class FacetCounter extends SimpleCollector {

  /** Values kept per facet, most frequent first. */
  static final int TOP = 20;

  static final String LABEL = "label";
  private static final String[] EXACT = {Schema.HOST, Schema.COUNTY, Schema.MONTH};

  private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
  private final SortedDocValues[] exact = new SortedDocValues[EXACT.length];
  private final int[][] ordinalCounts = new int[EXACT.length][];
  private final List<String> labels = new ArrayList<>();
  private final List<NumericDocValues> labelValues = new ArrayList<>();

  FacetCounter() {
    counts.put(LABEL, new HashMap<>());
    for (String name : EXACT) {
      counts.put(name, new HashMap<>());
    }
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    resolveSegment();
    for (int i = 0; i < EXACT.length; i++) {
      exact[i] = context.reader().getSortedDocValues(EXACT[i]);
      ordinalCounts[i] = exact[i] == null ? null : new int[exact[i].getValueCount()];
    }
    labels.clear();
    labelValues.clear();
    for (FieldInfo info : context.reader().getFieldInfos()) {
      if (info.name.startsWith(Schema.LABEL_PREFIX)) {
        NumericDocValues values = context.reader().getNumericDocValues(info.name);
        if (values != null) {
          labels.add(info.name.substring(Schema.LABEL_PREFIX.length()));
          labelValues.add(values);
        }
      }
    }
  }

  @Override
  public void collect(int doc) throws IOException {
    for (int i = 0; i < EXACT.length; i++) {
      if (exact[i] != null && exact[i].advanceExact(doc)) {
        ordinalCounts[i][exact[i].ordValue()]++;
      }
    }
    for (int i = 0; i < labelValues.size(); i++) {
      NumericDocValues values = labelValues.get(i);
      if (values.advanceExact(doc) && values.longValue() == 1) {
        counts.get(LABEL).merge(labels.get(i), 1L, Long::sum);
      }
    }
  }

  private void resolveSegment() throws IOException {
    for (int i = 0; i < EXACT.length; i++) {
      if (ordinalCounts[i] == null) {
        continue;
      }
      Map<String, Long> facet = counts.get(EXACT[i]);
      for (int ord = 0; ord < ordinalCounts[i].length; ord++) {
        if (ordinalCounts[i][ord] > 0) {
          facet.merge(
              exact[i].lookupOrd(ord).utf8ToString(), (long) ordinalCounts[i][ord], Long::sum);
        }
      }
      ordinalCounts[i] = null;
    }
  }

  /** The counts, facet by facet ({@code label}, {@code host}, {@code county}, {@code month}). */
  Map<String, List<FacetCount>> result() throws IOException {
    resolveSegment();
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    counts.forEach(
        (name, values) ->
            out.put(
                name,
                values.entrySet().stream()
                    .map(e -> new FacetCount(e.getKey(), e.getValue()))
                    .sorted(
                        Comparator.comparingLong(FacetCount::count)
                            .reversed()
                            .thenComparing(FacetCount::value))
                    .limit(TOP)
                    .toList()));
    return out;
  }
}
