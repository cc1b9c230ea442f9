package org.finpatrol.opensearch;

import org.apache.lucene.analysis.Tokenizer;
import org.finpatrol.indexer.analysis.HanLPTokenizer;
import org.finpatrol.text.Segmenter;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenizerFactory;

/** Tokenizer {@code finpatrol_hanlp}: {@link HanLPTokenizer} with the configured dictionary. */
final class HanLPTokenizerProvider extends AbstractTokenizerFactory {

  private final Segmenter segmenter;

  HanLPTokenizerProvider(
      IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, settings, name);
    segmenter = Dictionaries.segmenter(environment, "tokenizer " + name, settings);
  }

  @Override
  public Tokenizer create() {
    return new HanLPTokenizer(segmenter);
  }
}
