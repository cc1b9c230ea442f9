package org.finpatrol.indexer.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;

/**
 * {@link HanLPTokenizer} for whatever configures Lucene analysis by name: a Solr schema ({@code
 * <tokenizer name="finpatrolHanlp" dictionary="finance.txt"/>}), Lucene's {@code CustomAnalyzer}.
 * Found through Java's service loader, so the jar on the server's class path is the whole plugin.
 *
 * <p>{@code dictionary} (required) names one or more finance dictionary files, comma-separated, in
 * the format of {@link FinanceDictionary#load}, read through the server's resource loader (Solr:
 * the core's {@code conf/} directory); a later file's entry wins for the same word. It is required
 * because without it HanLP splits the very words the patrol searches for (保本保息, 首付贷), and a search
 * index built that way disagrees silently with FinPatrol's own.
 */
public final class HanLPTokenizerFactory extends TokenizerFactory implements ResourceLoaderAware {

  /** The name the factory is found by (case does not matter to Lucene's lookup). */
  public static final String NAME = "finpatrolHanlp";

  private final List<String> dictionaries;
  private volatile Segmenter segmenter;

  public HanLPTokenizerFactory(Map<String, String> args) {
    super(args);
    dictionaries = splitFileNames(require(args, "dictionary"));
    if (!args.isEmpty()) {
      throw new IllegalArgumentException(NAME + ": unknown parameters " + args.keySet());
    }
  }

  /** For the service loader, which lists factories without making them. */
  public HanLPTokenizerFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    FinanceDictionary dictionary = FinanceDictionary.empty();
    for (String name : dictionaries) {
      try (InputStream in = loader.openResource(name)) {
        dictionary = dictionary.with(FinanceDictionary.read(in, name));
      }
    }
    segmenter = new Segmenter(dictionary);
  }

  @Override
  public Tokenizer create(AttributeFactory factory) {
    Segmenter loaded = segmenter;
    if (loaded == null) {
      throw new IllegalStateException(
          NAME + ": the dictionary is not loaded (inform(ResourceLoader) was not called)");
    }
    return new HanLPTokenizer(factory, loaded);
  }
}
