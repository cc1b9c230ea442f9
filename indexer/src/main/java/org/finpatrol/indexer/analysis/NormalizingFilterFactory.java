package org.finpatrol.indexer.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * {@link NormalizingFilter} by name ({@code <filter name="finpatrolNormalize"/>}): traditional to
 * simplified, full-width to half-width, lower case. Put it after the standard tokenizer and before
 * {@code cjkBigram} for FinPatrol's substring fields, and after {@code finpatrolHanlp} for its word
 * fields, where it changes nothing the tokenizer emits but also normalises wildcard and prefix
 * query terms (it is multi-term aware).
 */
public final class NormalizingFilterFactory extends TokenFilterFactory {

  /** The name the factory is found by. */
  public static final String NAME = "finpatrolNormalize";

  public NormalizingFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException(NAME + ": unknown parameters " + args.keySet());
    }
  }

  /** For the service loader, which lists factories without making them. */
  public NormalizingFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new NormalizingFilter(input);
  }

  @Override
  public TokenStream normalize(TokenStream input) {
    return create(input);
  }
}
