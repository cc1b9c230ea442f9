package org.finpatrol.indexer;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.finpatrol.indexer.SearchResult.FacetCount;
import org.finpatrol.text.Segmenter;

/**
 * The page index on disk: one writer that adds, replaces and labels pages, and near-real-time
 * searchers over what it has committed or flushed.
 *
 * <p>Open it {@linkplain #openForWriting writable} in the process that patrols (Lucene allows one
 * writer per index directory; a second one fails with {@link IndexLockedException}), or {@linkplain
 * #openReadOnly read-only} anywhere else. Thread-safe: searches may run concurrently with writes.
 *
 * <p>The label vocabulary (category and signal ids) is fixed when the index is opened for writing:
 * every page gets every label set to 0, and {@link #setLabels} flips them without re-analysing.
 */
public final class PageIndex implements Closeable {

  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Set<String> labelVocabulary;
  private final Queries queries;
  // Decided at opening; a new index without a page takes the layout of the first shard it absorbs.
  private volatile boolean offsets;

  private PageIndex(
      Directory directory,
      Analyzer analyzer,
      IndexWriter writer,
      Set<String> labelVocabulary,
      boolean offsetsIfNew)
      throws IOException {
    this.directory = directory;
    this.analyzer = analyzer;
    this.writer = writer;
    this.labelVocabulary = Set.copyOf(labelVocabulary);
    this.searchers =
        writer != null ? new SearcherManager(writer, null) : new SearcherManager(directory, null);
    this.queries = new Queries(analyzer);
    IndexSearcher searcher = searchers.acquire();
    try {
      Boolean existing = storesOffsets(searcher.getIndexReader());
      this.offsets = existing != null ? existing : offsetsIfNew;
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Opens (creating if needed) the index in {@code dir} for writing.
   *
   * @throws IndexLockedException when another process holds the index's write lock
   */
  public static PageIndex openForWriting(Path dir, Segmenter segmenter, Set<String> labels)
      throws IOException {
    return openForWriting(dir, () -> segmenter, labels);
  }

  /**
   * Opens (creating if needed) the index in {@code dir} for writing, analysing each text with the
   * segmenter {@code segmenters} gives at the time (a reloading one picks up dictionary edits).
   *
   * @throws IndexLockedException when another process holds the index's write lock
   */
  public static PageIndex openForWriting(
      Path dir, Supplier<Segmenter> segmenters, Set<String> labels) throws IOException {
    return openForWriting(dir, segmenters, labels, false);
  }

  /**
   * Opens (creating if needed) the index in {@code dir} for writing, like {@link
   * #openForWriting(Path, Supplier, Set)}.
   *
   * @param offsetsIfNew whether the index, if it is new, is made in the older layout, whose bigram
   *     fields carry offsets in their postings ({@link #storesOffsets}): a shard must have the
   *     layout of the index that will {@linkplain #absorb take it in}. An existing index keeps its
   *     own layout.
   * @throws IndexLockedException when another process holds the index's write lock
   */
  public static PageIndex openForWriting(
      Path dir, Supplier<Segmenter> segmenters, Set<String> labels, boolean offsetsIfNew)
      throws IOException {
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    Analyzer analyzer = Schema.analyzer(segmenters);
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    config.setCommitOnClose(true);
    IndexWriter writer;
    try {
      verify(dir, directory);
      writer = new IndexWriter(directory, config);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexLockedException(dir, e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    if (writer.getDocStats().maxDoc == 0) {
      // An empty commit lets read-only searchers open the index before the first page arrives.
      writer.commit();
    }
    return new PageIndex(directory, analyzer, writer, labels, offsetsIfNew);
  }

  /**
   * Whether the index {@code reader} reads has offsets in its bigram fields' postings; null when it
   * has no such field yet (no page).
   */
  private static Boolean storesOffsets(IndexReader reader) {
    FieldInfos fields = FieldInfos.getMergedFieldInfos(reader);
    for (String name : Schema.BIGRAM_TEXT_FIELDS) {
      FieldInfo field = fields.fieldInfo(name);
      if (field != null) {
        return field.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
      }
    }
    return null;
  }

  /**
   * Whether the bigram fields' postings carry offsets: the layout of indexes made before
   * 2026-12-05, which an index keeps (Lucene refuses to change a field's options). Either layout
   * searches and highlights the same.
   */
  public boolean storesOffsets() {
    return offsets;
  }

  /**
   * Checks the checksums of every file of the latest commit before anything is written: Lucene's
   * commits are atomic, so a crash leaves the last commit whole, but a disk fault or a copy cut
   * short does not, and writing on top of a damaged segment would bury the damage. Reads the whole
   * index once (about a second per few hundred MB).
   */
  private static void verify(Path dir, Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return;
    }
    CheckIndex.Status status;
    // CheckIndex takes the write lock, so a running patrol elsewhere is reported as a lock.
    try (CheckIndex check = new CheckIndex(directory)) {
      check.setChecksumsOnly(true);
      status = check.checkIndex();
    } catch (LockObtainFailedException e) {
      throw e;
    } catch (IOException e) {
      throw new IndexDamagedException(
          dir, "its latest commit cannot be read: " + e.getMessage(), e);
    }
    if (status.missingSegments) {
      throw new IndexDamagedException(dir, "its latest commit cannot be read", null);
    }
    if (!status.clean) {
      throw new IndexDamagedException(
          dir,
          status.numBadSegments + " of " + status.numSegments + " segment(s) fail their checksums",
          null);
    }
  }

  /** Opens an existing index for searching only. */
  public static PageIndex openReadOnly(Path dir, Segmenter segmenter) throws IOException {
    return openReadOnly(dir, () -> segmenter);
  }

  /** Opens an existing index for searching only, with the segmenter of the moment. */
  public static PageIndex openReadOnly(Path dir, Supplier<Segmenter> segmenters)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IndexMissingException(dir);
    }
    Directory directory = FSDirectory.open(dir);
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      throw new IndexMissingException(dir);
    }
    return new PageIndex(directory, Schema.analyzer(segmenters), null, Set.of(), false);
  }

  /** Adds the page, replacing any document with the same URL; its labels are reset to none. */
  public void upsert(IndexedPage page) throws IOException {
    requireWriter()
        .updateDocument(
            new Term(Schema.URL, page.url()), Schema.document(page, labelVocabulary, offsets));
  }

  /**
   * Sets the labels (category and signal ids) and risk of the page with this URL; labels not in
   * {@code labels} are cleared. No effect when no page has the URL.
   *
   * @throws IllegalArgumentException for a label outside the vocabulary given at opening
   */
  public void setLabels(String url, Set<String> labels, int risk) throws IOException {
    for (String label : labels) {
      if (!labelVocabulary.contains(label)) {
        throw new IllegalArgumentException(
            "label '" + label + "' is not one of " + labelVocabulary);
      }
    }
    List<Field> updates = new ArrayList<>();
    for (String label : labelVocabulary) {
      updates.add(
          new NumericDocValuesField(Schema.LABEL_PREFIX + label, labels.contains(label) ? 1 : 0));
    }
    updates.add(new NumericDocValuesField(Schema.RISK, risk));
    requireWriter().updateDocValues(new Term(Schema.URL, url), updates.toArray(Field[]::new));
  }

  /**
   * Turns {@code labels} on for the page with this URL and leaves its other labels and its risk as
   * they are: for a page just added, whose labels are all off. Cheaper than {@link #setLabels} by
   * the labels left alone: at the next commit Lucene rewrites each updated field whole, in every
   * segment holding an updated page.
   *
   * @throws IllegalArgumentException for a label outside the vocabulary given at opening
   */
  public void turnOnLabels(String url, Set<String> labels) throws IOException {
    List<Field> updates = new ArrayList<>();
    for (String label : labels) {
      if (!labelVocabulary.contains(label)) {
        throw new IllegalArgumentException(
            "label '" + label + "' is not one of " + labelVocabulary);
      }
      updates.add(new NumericDocValuesField(Schema.LABEL_PREFIX + label, 1));
    }
    if (!updates.isEmpty()) {
      requireWriter().updateDocValues(new Term(Schema.URL, url), updates.toArray(Field[]::new));
    }
  }

  /**
   * Sets the platform risk (0–100) on every page of {@code host}, so searches can rank by it.
   * Visible after the next {@link #commit}.
   */
  public void setHostRisk(String host, int risk) throws IOException {
    requireWriter()
        .updateDocValues(new Term(Schema.HOST, host), new NumericDocValuesField(Schema.RISK, risk));
  }

  /**
   * Takes in the pages of another index of the same schema (a worker's shard of a patrol spread
   * over several machines): each of its pages replaces this index's page with the same URL, labels
   * and risk included, and the shard itself is left as it was. The shard must not be open for
   * writing. Committed on return; taking in the same shard twice leaves the index as once.
   *
   * @return the number of pages taken in
   * @throws IllegalArgumentException when the shard's layout ({@link #storesOffsets}) is not this
   *     index's (Lucene cannot copy its segments in) and this index has pages; nothing is changed
   *     then. An index without a page takes the shard's layout.
   */
  public int absorb(Path shard) throws IOException {
    IndexWriter writer = requireWriter();
    try (Directory source = FSDirectory.open(shard);
        DirectoryReader reader = DirectoryReader.open(source)) {
      Boolean shardOffsets = storesOffsets(reader);
      if (shardOffsets != null && shardOffsets != offsets) {
        if (hasBigramFields(writer)) {
          throw new IllegalArgumentException(
              "the index shard "
                  + shard
                  + (shardOffsets ? " has" : " has no")
                  + " offsets in its postings and the index it would go into"
                  + (offsets ? " has" : " has none")
                  + "; a shard must be made with the layout of its index (see"
                  + " PageIndex.openForWriting)");
        }
        // Nothing of this index says otherwise yet (a new index): it takes the shard's layout.
        offsets = shardOffsets;
      }
      for (LeafReaderContext leaf : reader.leaves()) {
        var live = leaf.reader().getLiveDocs();
        var stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            writer.deleteDocuments(new Term(Schema.URL, stored.document(doc).get(Schema.URL)));
          }
        }
      }
      // Whole segments are copied (no re-analysis); deletions apply first, within this commit.
      writer.addIndexes(source);
      commit();
      return reader.numDocs();
    }
  }

  /** Whether any page of the index, committed or not, has a bigram field. */
  private static boolean hasBigramFields(IndexWriter writer) {
    Set<String> names = writer.getFieldNames();
    return Schema.BIGRAM_TEXT_FIELDS.stream().anyMatch(names::contains);
  }

  /**
   * Writes one of the buffers of pages added since the last commit to disk as a new segment; false
   * when none is left. A {@link #commit} writes them all on its own thread: calling this from
   * several threads first writes several buffers at once (the indexing threads each fill one).
   */
  public boolean flushNextBuffer() throws IOException {
    return requireWriter().flushNextBuffer();
  }

  /** Makes everything written so far durable and visible to new searchers. */
  public void commit() throws IOException {
    requireWriter().commit();
    searchers.maybeRefreshBlocking();
  }

  /** Number of pages visible to searches now. */
  public int size() throws IOException {
    searchers.maybeRefreshBlocking();
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Searches the index.
   *
   * @throws IllegalArgumentException when the query cannot be parsed
   */
  public SearchResult search(SearchRequest request) throws IOException {
    return search(queries.build(request), request);
  }

  /**
   * Pages like the one with {@code url} (same template, same pitch): its title and text, analysed
   * into words, ask for the pages that share at least {@value #LOOK_ALIKE_SHARE} of its 40 most
   * distinctive words. The page itself is left out; the request's filters, order and paging apply,
   * its query is ignored.
   *
   * @return no hits when no page has the URL
   */
  public SearchResult moreLikeThis(String url, SearchRequest request) throws IOException {
    searchers.maybeRefreshBlocking();
    IndexSearcher searcher = searchers.acquire();
    Query like;
    try {
      TopDocs found = searcher.search(new TermQuery(new Term(Schema.URL, url)), 1);
      if (found.scoreDocs.length == 0) {
        return new SearchResult(0, List.of());
      }
      Document doc = searcher.storedFields().document(found.scoreDocs[0].doc);
      MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
      mlt.setAnalyzer(analyzer);
      mlt.setFieldNames(new String[] {Schema.TEXT_WORDS});
      mlt.setMinTermFreq(1);
      mlt.setMinDocFreq(1);
      mlt.setMinWordLen(2);
      mlt.setMaxQueryTerms(40);
      String text = doc.get(Schema.TITLE) + "\n" + doc.get(Schema.TEXT);
      like = atLeast(mlt.like(Schema.TEXT_WORDS, new StringReader(text)), LOOK_ALIKE_SHARE);
    } finally {
      searchers.release(searcher);
    }
    Query query =
        new BooleanQuery.Builder()
            .add(queries.filtered(like, request), Occur.MUST)
            .add(new TermQuery(new Term(Schema.URL, url)), Occur.MUST_NOT)
            .build();
    return search(query, request);
  }

  /**
   * The share of a page's distinctive words another page must have to be its look-alike: one word
   * in common (理财) is not a template.
   */
  static final double LOOK_ALIKE_SHARE = 0.3;

  private static Query atLeast(Query like, double share) {
    if (!(like instanceof BooleanQuery terms) || terms.clauses().isEmpty()) {
      return like;
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    terms.clauses().forEach(builder::add);
    builder.setMinimumNumberShouldMatch(
        Math.max(1, (int) Math.ceil(terms.clauses().size() * share)));
    return builder.build();
  }

  private SearchResult search(Query query, SearchRequest request) throws IOException {
    searchers.maybeRefreshBlocking();
    IndexSearcher searcher = searchers.acquire();
    try {
      int window = request.offset() + request.limit();
      TopDocs top =
          switch (request.order()) {
            case RELEVANCE -> searcher.search(query, window);
            case RISK ->
                searcher.search(
                    query,
                    window,
                    new Sort(
                        new SortField(Schema.RISK, SortField.Type.LONG, true),
                        SortField.FIELD_SCORE),
                    true);
            case DATE ->
                searcher.search(
                    query,
                    window,
                    new Sort(
                        new SortField(Schema.FETCHED_AT, SortField.Type.LONG, true),
                        SortField.FIELD_SCORE),
                    true);
          };
      ScoreDoc[] page =
          Arrays.copyOfRange(
              top.scoreDocs,
              Math.min(request.offset(), top.scoreDocs.length),
              top.scoreDocs.length);
      int[] docIds = new int[page.length];
      for (int i = 0; i < docIds.length; i++) {
        docIds[i] = page[i].doc;
      }
      Snippet[] snippets = Highlighting.snippets(searcher, analyzer, query, docIds);
      List<SearchHit> hits = new ArrayList<>();
      for (int i = 0; i < docIds.length; i++) {
        hits.add(hit(searcher, page[i], snippets[i]));
      }
      Map<String, List<FacetCount>> facets = Map.of();
      if (request.facets()) {
        FacetCounter counter = new FacetCounter();
        searcher.search(query, counter);
        facets = counter.result();
      }
      // Lucene stops counting exactly after 1,000 hits when it can skip; analysts are told how
      // many pages match, so count the rest.
      long total =
          top.totalHits.relation == TotalHits.Relation.EQUAL_TO
              ? top.totalHits.value
              : searcher.count(query);
      return new SearchResult(total, hits, facets);
    } finally {
      searchers.release(searcher);
    }
  }

  private static SearchHit hit(IndexSearcher searcher, ScoreDoc scoreDoc, Snippet snippet)
      throws IOException {
    Document doc = searcher.storedFields().document(scoreDoc.doc);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
    int local = scoreDoc.doc - leaf.docBase;
    Set<String> labels = new TreeSet<>();
    for (FieldInfo info : leaf.reader().getFieldInfos()) {
      if (info.name.startsWith(Schema.LABEL_PREFIX) && numeric(leaf, info.name, local) == 1) {
        labels.add(info.name.substring(Schema.LABEL_PREFIX.length()));
      }
    }
    return new SearchHit(
        doc.get(Schema.URL),
        doc.get(Schema.TITLE),
        doc.get(Schema.HOST),
        scoreDoc.score,
        snippet,
        List.copyOf(labels),
        (int) numeric(leaf, Schema.RISK, local),
        doc.get(Schema.OPERATOR),
        doc.get(Schema.COUNTY),
        Instant.ofEpochMilli(doc.getField(Schema.FETCHED_AT).numericValue().longValue()),
        doc.get(Schema.WARC),
        doc.get(Schema.RECORD_ID),
        doc.get(Schema.SHA256));
  }

  private static long numeric(LeafReaderContext leaf, String field, int doc) throws IOException {
    NumericDocValues values = leaf.reader().getNumericDocValues(field);
    return values != null && values.advanceExact(doc) ? values.longValue() : 0;
  }

  private IndexWriter requireWriter() {
    if (writer == null) {
      throw new IllegalStateException("the index was opened read-only");
    }
    return writer;
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      if (writer != null) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }
}
