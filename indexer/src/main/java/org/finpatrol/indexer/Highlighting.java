package org.finpatrol.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets for hits: Lucene's unified highlighter over the {@code text} field, formatted as {@link
 * Snippet} records. It finds the matches' offsets by analysing the hit's stored text into bigrams
 * again, or, in an index of the older layout, reads them from the postings.
 */
final class Highlighting {

  private static final int PASSAGES = 2;
  private static final String GAP = " … ";

  private Highlighting() {}

  static Snippet[] snippets(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds)
      throws IOException {
    ObjectHighlighter highlighter =
        new ObjectHighlighter(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new SnippetFormatter())
                // Pages are capped by the crawler; highlight matches anywhere in them, not only
                // in the first 10,000 characters (Lucene's default).
                .withMaxLength(Integer.MAX_VALUE - 1));
    Map<String, Object[]> byField =
        highlighter.highlightFieldsAsObjects(
            new String[] {Schema.TEXT}, query, docIds, new int[] {PASSAGES});
    Object[] raw = byField.get(Schema.TEXT);
    Snippet[] snippets = new Snippet[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      snippets[i] = raw[i] instanceof Snippet s ? s : new Snippet("", List.of());
    }
    return snippets;
  }

  /** Exposes the highlighter's formatter objects ({@link Snippet}s) instead of strings. */
  private static final class ObjectHighlighter extends UnifiedHighlighter {
    ObjectHighlighter(Builder builder) {
      super(builder);
    }

    @Override
    protected Map<String, Object[]> highlightFieldsAsObjects(
        String[] fields, Query query, int[] docIds, int[] maxPassages) throws IOException {
      return super.highlightFieldsAsObjects(fields, query, docIds, maxPassages);
    }
  }

  private static final class SnippetFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      StringBuilder text = new StringBuilder();
      List<Snippet.Range> ranges = new ArrayList<>();
      for (Passage passage : passages) {
        if (text.length() > 0) {
          text.append(GAP);
        }
        int base = text.length() - passage.getStartOffset();
        int pos = passage.getStartOffset();
        int lastEnd = -1;
        for (int m = 0; m < passage.getNumMatches(); m++) {
          int start = Math.max(passage.getMatchStarts()[m], pos);
          int end = Math.min(passage.getMatchEnds()[m], passage.getEndOffset());
          if (end <= start) {
            continue;
          }
          // Overlapping bigram matches (保本, 本保, 保息) merge into one marked range.
          if (start <= lastEnd && !ranges.isEmpty()) {
            Snippet.Range prev = ranges.remove(ranges.size() - 1);
            ranges.add(new Snippet.Range(prev.start(), Math.max(prev.end(), end + base)));
          } else {
            ranges.add(new Snippet.Range(start + base, end + base));
          }
          lastEnd = Math.max(lastEnd, end);
        }
        text.append(content, passage.getStartOffset(), passage.getEndOffset());
      }
      return new Snippet(text.toString(), ranges);
    }
  }
}
