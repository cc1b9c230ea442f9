package org.finpatrol.indexer.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.finpatrol.text.Segmenter;

/**
 * The words analyzer: HanLP segmentation with the finance dictionary over normalised text (see
 * {@link HanLPTokenizer}). Used for ranking and by {@code finpatrol analyze}.
 *
 * <p>Thread-safe and reusable like any Lucene analyzer; build one per {@link Segmenter}.
 */
public final class HanLPAnalyzer extends Analyzer {

  private final Segmenter segmenter;

  public HanLPAnalyzer(Segmenter segmenter) {
    this.segmenter = segmenter;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new HanLPTokenizer(segmenter));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new NormalizingFilter(in);
  }
}
