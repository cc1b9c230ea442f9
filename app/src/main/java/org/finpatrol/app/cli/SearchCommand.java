package org.finpatrol.app.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.finpatrol.app.web.JsonViews;
import org.finpatrol.classifier.Labels;
import org.finpatrol.indexer.IndexMissingException;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.SearchHit;
import org.finpatrol.indexer.SearchRequest;
import org.finpatrol.indexer.SearchResult;
import org.finpatrol.text.FinanceDictionary;
import org.finpatrol.text.Segmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code finpatrol search}: searches the page index, read-only (a running patrol is no obstacle).
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Searches the index (Lucene syntax; a plain Chinese string is a phrase that matches"
            + " any occurrence).")
final class SearchCommand implements Callable<Integer> {

  @ParentCommand FinPatrolCommand root;

  @Parameters(index = "0", paramLabel = "QUERY", description = "What to search for.")
  String query;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Hits to show (default: 10).")
  int limit;

  @Option(
      names = "--category",
      paramLabel = "C",
      description = "Only pages with this category (or signal) id.")
  String category;

  @Option(names = "--host", paramLabel = "H", description = "Only pages of this host.")
  String host;

  @Option(
      names = "--json",
      description = "One JSON object a line: url, title, host, score, snippet, categories.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (limit < 1) {
      throw new UsageException("--limit must be at least 1, got " + limit);
    }
    if (query.isBlank()) {
      throw new UsageException("the query is empty");
    }
    if (category != null && !Labels.all().contains(category)) {
      throw new UsageException(
          "unknown --category '" + category + "' (one of " + String.join(", ", Labels.all()) + ")");
    }
    var paths = root.paths();
    Segmenter segmenter = new Segmenter(FinanceDictionary.load(paths.dictionaries()));
    SearchResult result;
    try (PageIndex index = PageIndex.openReadOnly(paths.index(), segmenter)) {
      result =
          index.search(
              new SearchRequest(
                  query,
                  limit,
                  category,
                  host == null ? null : host.toLowerCase(java.util.Locale.ROOT)));
    } catch (IndexMissingException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    if (json) {
      for (SearchHit hit : result.hits()) {
        root.console().out().println(Json.line(JsonViews.searchHit(hit)));
      }
      return 0;
    }
    var out = root.console().out();
    out.println(
        result.totalHits()
            + " page(s) match \""
            + query
            + "\""
            + (result.totalHits() > result.hits().size()
                ? ", showing " + result.hits().size()
                : ""));
    int n = 0;
    for (SearchHit hit : result.hits()) {
      n++;
      List<String> labels = hit.labels();
      out.println();
      out.println(
          n
              + ". "
              + (hit.title().isBlank() ? "(no title)" : hit.title())
              + "  "
              + hit.url()
              + (labels.isEmpty() ? "" : "  [" + String.join(", ", labels) + "]"));
      out.println("   " + hit.snippet().marked("【", "】").replace('\n', ' '));
    }
    return 0;
  }
}
