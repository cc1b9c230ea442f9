package org.finpatrol.opensearch;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * FinPatrol's Chinese analysis in OpenSearch, named as OpenSearch names things:
 *
 * <ul>
 *   <li>analyzer {@code finpatrol_words}: HanLP words with the finance dictionary, for the {@code
 *       *_words} fields (setting {@code dictionary}: one or more {@code .txt} files in {@code
 *       finpatrol/} under the node's config directory, required);
 *   <li>analyzer {@code finpatrol_bigrams}: normalised CJK bigrams, for the fields a phrase must
 *       find any substring of;
 *   <li>tokenizer {@code finpatrol_hanlp} (same {@code dictionary} setting) and filter {@code
 *       finpatrol_normalize}, to build other chains.
 * </ul>
 *
 * <p>Each is FinPatrol's own Lucene class, so an OpenSearch index analyses pages term for term as
 * FinPatrol's index does.
 */
public final class FinPatrolAnalysisPlugin extends Plugin implements AnalysisPlugin {

  /** Starts HanLP now, as the node loads its plugins, not in the first thread that analyses. */
  public FinPatrolAnalysisPlugin() {
    Dictionaries.startHanLP();
  }

  @Override
  public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
    return Map.of(
        "finpatrol_hanlp", AnalysisPlugin.requiresAnalysisSettings(HanLPTokenizerProvider::new));
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return Map.of("finpatrol_normalize", NormalizeFilterProvider::new);
  }

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return Map.of(
        "finpatrol_words",
        AnalysisPlugin.requiresAnalysisSettings(WordsAnalyzerProvider::new),
        "finpatrol_bigrams",
        BigramsAnalyzerProvider::new);
  }
}
