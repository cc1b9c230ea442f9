package org.finpatrol.indexer;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/** Turns a {@link SearchRequest} into a Lucene query. */
final class Queries {

  /** Characters and words that make a query "expert" Lucene syntax rather than plain text. */
  private static final Pattern SYNTAX =
      Pattern.compile("[:\"()*?~^\\[\\]{}+!/\\\\]|(^|\\s)-|\\b(AND|OR|NOT)\\b");

  private final Analyzer analyzer;

  Queries(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Query build(SearchRequest request) {
    String q = request.query().strip();
    Query match;
    if (SYNTAX.matcher(q).find()) {
      match = parseExpert(q);
    } else {
      match =
          new BooleanQuery.Builder()
              .add(parse(recallParser(), q), Occur.MUST)
              // Whole-word matches rank above matches that only share bigrams.
              .add(parse(wordsParser(), q), Occur.SHOULD)
              .build();
    }
    return filtered(match, request);
  }

  /** {@code match} restricted by the request's filters. */
  Query filtered(Query match, SearchRequest request) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(match, Occur.MUST);
    for (String label : request.labels()) {
      query.add(
          NumericDocValuesField.newSlowExactQuery(Schema.LABEL_PREFIX + label, 1), Occur.FILTER);
    }
    if (request.host() != null) {
      query.add(new TermQuery(new Term(Schema.HOST, request.host())), Occur.FILTER);
    }
    if (request.county() != null) {
      query.add(new TermQuery(new Term(Schema.COUNTY, request.county())), Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
      long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli() - 1;
      query.add(LongPoint.newRangeQuery(Schema.FETCHED_AT, from, to), Occur.FILTER);
    }
    return query.build();
  }

  private Query parseExpert(String q) {
    try {
      return recallParser().parse(q);
    } catch (ParseException | IllegalArgumentException e) {
      // Not valid Lucene syntax after all (a URL, say): search it as plain text.
      return parse(recallParser(), QueryParser.escape(q));
    }
  }

  private static Query parse(QueryParser parser, String q) {
    try {
      return parser.parse(q);
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot parse query '" + q + "': " + e.getMessage(), e);
    }
  }

  private QueryParser recallParser() {
    QueryParser parser =
        new RecallParser(
            new String[] {Schema.TITLE, Schema.TEXT, Schema.ADS, Schema.OPERATOR},
            analyzer,
            Map.of(Schema.TITLE, 2f, Schema.TEXT, 1f, Schema.ADS, 1f, Schema.OPERATOR, 1.5f));
    // A run of Chinese without spaces is one phrase of bigrams (needs whitespace splitting on).
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    return parser;
  }

  private QueryParser wordsParser() {
    QueryParser parser =
        new MultiFieldQueryParser(
            new String[] {Schema.TITLE_WORDS, Schema.TEXT_WORDS, Schema.ADS_WORDS},
            analyzer,
            Map.of(Schema.TITLE_WORDS, 2f, Schema.TEXT_WORDS, 1f, Schema.ADS_WORDS, 1f));
    // A run of Chinese without spaces is one phrase of bigrams (needs whitespace splitting on).
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    return parser;
  }

  /**
   * Parser for the bigram fields. A lone CJK character is not a bigram, so it becomes "any bigram
   * that starts or ends with it" instead of a term no document has.
   */
  private static final class RecallParser extends MultiFieldQueryParser {

    private static final Set<String> BIGRAM_FIELDS =
        Set.of(Schema.TITLE, Schema.TEXT, Schema.ADS, Schema.OPERATOR);

    RecallParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts) {
      super(fields, analyzer, boosts);
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
      String text = term.text();
      boolean bigramField = BIGRAM_FIELDS.contains(term.field());
      if (bigramField && text.codePointCount(0, text.length()) == 1 && isCjk(text.codePointAt(0))) {
        Query any =
            new BooleanQuery.Builder()
                .add(new PrefixQuery(term), Occur.SHOULD)
                .add(new WildcardQuery(new Term(term.field(), "?" + text)), Occur.SHOULD)
                .build();
        return boost == 1f ? any : new BoostQuery(any, boost);
      }
      return super.newTermQuery(term, boost);
    }

    private static boolean isCjk(int cp) {
      return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
  }
}
