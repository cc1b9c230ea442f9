package org.finpatrol.indexer.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The recall analyzer: Unicode word boundaries, {@link NormalizingFilter}, then overlapping CJK
 * bigrams. A phrase of bigrams matches any substring of two or more characters whatever the
 * segmenter would have done with it (保息, 赚不赔), which is what "find every page containing it" needs.
 * Latin words and numbers stay whole.
 */
public final class BigramAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    // Traditional and full-width forms are normalised before pairing, so 穩賺 and 稳赚 meet.
    TokenStream stream = new CJKBigramFilter(new NormalizingFilter(source));
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new NormalizingFilter(in);
  }
}
