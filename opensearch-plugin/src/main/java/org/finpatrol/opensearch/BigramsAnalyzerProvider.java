package org.finpatrol.opensearch;

import org.finpatrol.indexer.analysis.BigramAnalyzer;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;

/** Analyzer {@code finpatrol_bigrams}: {@link BigramAnalyzer}, which needs no settings. */
final class BigramsAnalyzerProvider extends AbstractIndexAnalyzerProvider<BigramAnalyzer> {

  private final BigramAnalyzer analyzer = new BigramAnalyzer();

  BigramsAnalyzerProvider(
      IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, name, settings);
  }

  @Override
  public BigramAnalyzer get() {
    return analyzer;
  }
}
