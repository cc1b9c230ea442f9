package org.finpatrol.indexer.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.finpatrol.text.Normalizer;

/**
 * Applies {@link Normalizer} to each term: traditional to simplified, full-width to half-width,
 * lower case. Term length never changes, so offsets are untouched.
 */
public final class NormalizingFilter extends TokenFilter {

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

  public NormalizingFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    Normalizer.normalizeInPlace(termAtt.buffer(), 0, termAtt.length());
    return true;
  }
}
