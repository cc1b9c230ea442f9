package org.finpatrol.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.finpatrol.indexer.analysis.HanLPAnalyzer;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code finpatrol analyze}: each input line becomes a line of the index's word tokens. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Shows how the index analyses text: each input line becomes one line of its word"
            + " tokens (normalised), separated by single spaces.")
final class AnalyzeCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to read (default: stdin).")
  List<Path> files = new ArrayList<>();

  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    var paths = root.paths();
    List<Texts.Input> inputs = Texts.read(files, stdin);
    Segmenter segmenter = new Segmenter(FinanceDictionary.load(paths.dictionaries()));
    try (Analyzer analyzer = new HanLPAnalyzer(segmenter)) {
      for (Texts.Input input : inputs) {
        for (String line : (Iterable<String>) input.text().lines()::iterator) {
          root.console().out().println(String.join(" ", tokens(analyzer, line)));
        }
      }
    }
    return 0;
  }

  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
