package org.finpatrol.app.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.finpatrol.app.search.SearchOptions;
import org.finpatrol.app.web.JsonViews;
import org.finpatrol.indexer.IndexMissingException;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.SearchHit;
import org.finpatrol.indexer.SearchRequest;
import org.finpatrol.indexer.SearchResult;
import org.finpatrol.indexer.SearchResult.FacetCount;
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
      description = "Only pages with this category or signal id (repeatable: all of them).")
  List<String> categories = new ArrayList<>();

  @Option(names = "--host", paramLabel = "H", description = "Only pages of this host.")
  String host;

  @Option(names = "--county", paramLabel = "C", description = "Only pages of this county (县区).")
  String county;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "Only pages fetched on or after this day (UTC).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Only pages fetched on or before this day (UTC).")
  String to;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      defaultValue = "relevance",
      description = "relevance (default), risk or date.")
  String sort;

  @Option(
      names = "--page",
      paramLabel = "N",
      defaultValue = "1",
      description = "Which page of --limit hits to show (default: 1).")
  int page;

  @Option(
      names = "--like",
      description = "QUERY is a page URL: find pages like it (same template, same pitch).")
  boolean like;

  @Option(
      names = "--facets",
      description =
          "Also count the matches by category, signal, host, county and month (with --json: one"
              + " last line {\"facets\": ...}).")
  boolean facets;

  @Option(
      names = "--json",
      description = "One JSON object a line: url, title, host, score, snippet, categories.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (page < 1) {
      throw new UsageException("--page must be at least 1, got " + page);
    }
    SearchRequest request;
    try {
      request =
          new SearchOptions(
                  query,
                  limit,
                  (page - 1) * limit,
                  categories,
                  host,
                  county,
                  from,
                  to,
                  sort,
                  facets)
              .toRequest();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    var paths = root.paths();
    Segmenter segmenter = new Segmenter(FinanceDictionary.load(paths.dictionaries()));
    SearchResult result;
    try (PageIndex index = PageIndex.openReadOnly(paths.index(), segmenter)) {
      result = like ? index.moreLikeThis(query.strip(), request) : index.search(request);
    } catch (IndexMissingException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
    Map<String, List<FacetCount>> facetCounts = SearchOptions.facets(result);
    if (json) {
      for (SearchHit hit : result.hits()) {
        root.console().out().println(Json.line(JsonViews.searchHit(hit)));
      }
      if (facets) {
        root.console().out().println(Json.line(Map.of("facets", JsonViews.facets(facetCounts))));
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
                ? ", showing "
                    + (request.offset() + 1)
                    + "–"
                    + (request.offset() + result.hits().size())
                : ""));
    facetCounts.forEach(
        (name, counts) -> {
          if (!counts.isEmpty()) {
            out.println(
                "  "
                    + name
                    + ": "
                    + String.join(
                        ", ", counts.stream().map(f -> f.value() + " " + f.count()).toList()));
          }
        });
    int n = request.offset();
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
