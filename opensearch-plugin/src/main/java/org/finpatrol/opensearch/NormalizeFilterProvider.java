package org.finpatrol.opensearch;

import org.apache.lucene.analysis.TokenStream;
import org.finpatrol.indexer.analysis.NormalizingFilter;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.NormalizingTokenFilterFactory;

/**
 * Filter {@code finpatrol_normalize}: {@link NormalizingFilter}, also for query terms of keyword
 * normalisers and wildcard queries.
 */
final class NormalizeFilterProvider extends AbstractTokenFilterFactory
    implements NormalizingTokenFilterFactory {

  NormalizeFilterProvider(
      IndexSettings indexSettings, Environment environment, String name, Settings settings) {
    super(indexSettings, name, settings);
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new NormalizingFilter(input);
  }
}
