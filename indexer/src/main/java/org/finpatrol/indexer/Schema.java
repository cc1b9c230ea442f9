package org.finpatrol.indexer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.finpatrol.indexer.analysis.BigramAnalyzer;
import org.finpatrol.indexer.analysis.HanLPAnalyzer;
import org.finpatrol.text.Segmenter;

/**
 * Field names and document layout of the page index.
 *
 * <p>Text is indexed twice: {@code title}/{@code text} as normalised CJK bigrams (recall: any
 * substring matches; stored, with offsets, for highlighting) and {@code title_words}/{@code
 * text_words} as HanLP words (ranking). Labels (category and signal ids) are numeric doc values
 * {@code label.<ID>} of 0 or 1 so the classify step can set them without re-analysing the page. Ad
 * creatives go to {@code ads}/{@code ads_words} the same way, the operator's name to {@code
 * operator} (bigrams, stored). {@code host}, {@code county} and {@code month} (of the fetch, UTC,
 * {@code yyyy-MM}) are exact terms with sorted doc values for filtering and facet counts.
 */
final class Schema {

  static final String URL = "url";
  static final String HOST = "host";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String TITLE_WORDS = "title_words";
  static final String TEXT_WORDS = "text_words";
  static final String ADS = "ads";
  static final String ADS_WORDS = "ads_words";
  static final String OPERATOR = "operator";
  static final String COUNTY = "county";
  static final String MONTH = "month";
  static final String FETCHED_AT = "fetched_at";
  static final String WARC = "warc";
  static final String RECORD_ID = "record_id";
  static final String SHA256 = "sha256";
  static final String RISK = "risk";
  static final String LABEL_PREFIX = "label.";

  private static final DateTimeFormatter MONTH_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * The bigram fields, stored for highlighting. The highlighter finds a hit's offsets by analysing
   * the stored text again (bigrams: no HanLP, microseconds for a page), so the postings carry
   * positions only: offsets there made the index a fifth larger and indexing slower
   * (benchmarks/README.md, "Offsets in the postings, and selective C2").
   */
  private static final FieldType HIGHLIGHTED_TEXT = new FieldType(TextField.TYPE_STORED);

  /** The same with offsets in the postings, as indexes made before 2026-12-05 have them. */
  private static final FieldType HIGHLIGHTED_TEXT_WITH_OFFSETS =
      new FieldType(TextField.TYPE_STORED);

  static {
    HIGHLIGHTED_TEXT.freeze();
    HIGHLIGHTED_TEXT_WITH_OFFSETS.setIndexOptions(
        IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    HIGHLIGHTED_TEXT_WITH_OFFSETS.freeze();
  }

  /** The bigram fields, whose postings carry offsets in indexes of the older layout. */
  static final Set<String> BIGRAM_TEXT_FIELDS = Set.of(TITLE, TEXT, ADS);

  private Schema() {}

  static Analyzer analyzer(Supplier<Segmenter> segmenters) {
    Analyzer words = new HanLPAnalyzer(segmenters);
    return new PerFieldAnalyzerWrapper(
        new BigramAnalyzer(),
        Map.of(
            TITLE_WORDS,
            words,
            TEXT_WORDS,
            words,
            ADS_WORDS,
            words,
            URL,
            new KeywordAnalyzer(),
            HOST,
            new KeywordAnalyzer(),
            COUNTY,
            new KeywordAnalyzer()));
  }

  /**
   * @param offsets whether the bigram fields' postings carry offsets (the older layout; an index
   *     keeps the layout it was made with, since Lucene refuses a field whose options change)
   */
  static Document document(IndexedPage page, Set<String> labelVocabulary, boolean offsets) {
    FieldType highlighted = offsets ? HIGHLIGHTED_TEXT_WITH_OFFSETS : HIGHLIGHTED_TEXT;
    Document doc = new Document();
    doc.add(new StringField(URL, page.url(), Field.Store.YES));
    exact(doc, HOST, page.host());
    doc.add(new Field(TITLE, page.title(), highlighted));
    doc.add(new Field(TEXT, page.text(), highlighted));
    doc.add(new TextField(TITLE_WORDS, page.title(), Field.Store.NO));
    doc.add(new TextField(TEXT_WORDS, page.text(), Field.Store.NO));
    for (String ad : page.ads()) {
      doc.add(new Field(ADS, ad, highlighted));
      doc.add(new TextField(ADS_WORDS, ad, Field.Store.NO));
    }
    if (page.operator() != null) {
      doc.add(new TextField(OPERATOR, page.operator(), Field.Store.YES));
    }
    if (page.county() != null) {
      exact(doc, COUNTY, page.county());
    }
    long fetched = page.fetchedAt().toEpochMilli();
    doc.add(new LongPoint(FETCHED_AT, fetched));
    doc.add(new StoredField(FETCHED_AT, fetched));
    doc.add(new NumericDocValuesField(FETCHED_AT, fetched));
    doc.add(new SortedDocValuesField(MONTH, new BytesRef(month(page.fetchedAt()))));
    storeIfPresent(doc, WARC, page.warcFile());
    storeIfPresent(doc, RECORD_ID, page.warcRecordId());
    storeIfPresent(doc, SHA256, page.sha256());
    doc.add(new NumericDocValuesField(RISK, 0));
    for (String label : labelVocabulary) {
      doc.add(new NumericDocValuesField(LABEL_PREFIX + label, 0));
    }
    return doc;
  }

  static String month(Instant instant) {
    return MONTH_FORMAT.format(instant);
  }

  /** An exact term, stored, filterable, and counted in facets. */
  private static void exact(Document doc, String name, String value) {
    doc.add(new StringField(name, value, Field.Store.YES));
    doc.add(new SortedDocValuesField(name, new BytesRef(value)));
  }

  private static void storeIfPresent(Document doc, String name, String value) {
    if (value != null) {
      doc.add(new StoredField(name, value));
    }
  }
}
