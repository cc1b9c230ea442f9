package org.finpatrol.indexer;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.finpatrol.indexer.analysis.BigramAnalyzer;
import org.finpatrol.indexer.analysis.HanLPAnalyzer;
import org.finpatrol.text.Segmenter;

/**
 * Field names and document layout of the page index.
 *
 * <p>Text is indexed twice: {@code title}/{@code text} as normalised CJK bigrams (recall: any
 * substring matches; stored, with offsets, for highlighting) and {@code title_words}/{@code
 * text_words} as HanLP words (ranking). Labels (category and signal ids) are numeric doc values
 * {@code label.<ID>} of 0 or 1 so the classify step can set them without re-analysing the page.
 */
final class Schema {

  static final String URL = "url";
  static final String HOST = "host";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String TITLE_WORDS = "title_words";
  static final String TEXT_WORDS = "text_words";
  static final String FETCHED_AT = "fetched_at";
  static final String WARC = "warc";
  static final String RECORD_ID = "record_id";
  static final String SHA256 = "sha256";
  static final String RISK = "risk";
  static final String LABEL_PREFIX = "label.";

  private static final FieldType HIGHLIGHTED_TEXT = new FieldType(TextField.TYPE_STORED);

  static {
    HIGHLIGHTED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    HIGHLIGHTED_TEXT.freeze();
  }

  private Schema() {}

  static Analyzer analyzer(Segmenter segmenter) {
    Analyzer words = new HanLPAnalyzer(segmenter);
    return new PerFieldAnalyzerWrapper(
        new BigramAnalyzer(),
        Map.of(
            TITLE_WORDS,
            words,
            TEXT_WORDS,
            words,
            URL,
            new KeywordAnalyzer(),
            HOST,
            new KeywordAnalyzer()));
  }

  static Document document(IndexedPage page, Set<String> labelVocabulary) {
    Document doc = new Document();
    doc.add(new StringField(URL, page.url(), Field.Store.YES));
    doc.add(new StringField(HOST, page.host(), Field.Store.YES));
    doc.add(new Field(TITLE, page.title(), HIGHLIGHTED_TEXT));
    doc.add(new Field(TEXT, page.text(), HIGHLIGHTED_TEXT));
    doc.add(new TextField(TITLE_WORDS, page.title(), Field.Store.NO));
    doc.add(new TextField(TEXT_WORDS, page.text(), Field.Store.NO));
    long fetched = page.fetchedAt().toEpochMilli();
    doc.add(new LongPoint(FETCHED_AT, fetched));
    doc.add(new StoredField(FETCHED_AT, fetched));
    doc.add(new NumericDocValuesField(FETCHED_AT, fetched));
    storeIfPresent(doc, WARC, page.warcFile());
    storeIfPresent(doc, RECORD_ID, page.warcRecordId());
    storeIfPresent(doc, SHA256, page.sha256());
    doc.add(new NumericDocValuesField(RISK, 0));
    for (String label : labelVocabulary) {
      doc.add(new NumericDocValuesField(LABEL_PREFIX + label, 0));
    }
    return doc;
  }

  private static void storeIfPresent(Document doc, String name, String value) {
    if (value != null) {
      doc.add(new StoredField(name, value));
    }
  }
}
