package org.finpatrol.opensearch;

import org.finpatrol.indexer.analysis.HanLPAnalyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/** Analyzer {@code finpatrol_words}: {@link HanLPAnalyzer} with the configured dictionary. */
final class WordsAnalyzerProvider extends AbstractIndexAnalyzerProvider<HanLPAnalyzer> {

  private final HanLPAnalyzer analyzer;

  WordsAnalyzerProvider(
      IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, name, settings);
    analyzer = new HanLPAnalyzer(Dictionaries.segmenter(environment, "analyzer " + name, settings));
  }

  @Override
  public HanLPAnalyzer get() {
    return analyzer;
  }
}
