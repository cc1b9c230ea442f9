package org.finpatrol.indexer.analysis;

import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.finpatrol.text.Segmenter;

/**
 * The words analyzer: HanLP segmentation with the finance dictionary over normalised text (see
 * {@link HanLPTokenizer}). Used for ranking and by {@code finpatrol analyze}.
 *
 * <p>Thread-safe and reusable like any Lucene analyzer.
 */
public final class HanLPAnalyzer extends Analyzer {

  private final Supplier<Segmenter> segmenters;

  public HanLPAnalyzer(Segmenter segmenter) {
    this(() -> segmenter);
  }

  /**
   * An analyzer that segments each text with the segmenter {@code segmenters} gives at that time,
   * such as a {@link org.finpatrol.text.ReloadingSegmenter}.
   */
  public HanLPAnalyzer(Supplier<Segmenter> segmenters) {
    this.segmenters = segmenters;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new HanLPTokenizer(segmenters));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new NormalizingFilter(in);
  }
}
