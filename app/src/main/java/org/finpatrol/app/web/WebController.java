package org.finpatrol.app.web;

import java.io.IOException;
import java.util.List;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.SearchRequest;
import org.finpatrol.indexer.SearchResult;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.ReviewCase;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages: dashboard, search and cases. Crawled text is only ever put into templates with {@code
 * th:text} (escaped); snippets are rendered from their match ranges, never as HTML.
 */
@Controller
public class WebController {

  private final CaseService cases;
  private final PageIndex index;

  public WebController(CaseService cases, PageIndex index) {
    this.cases = cases;
    this.index = index;
  }

  @GetMapping("/")
  String dashboard(Model model) throws IOException {
    List<ReviewCase> all = cases.list(CaseQuery.all());
    model.addAttribute("cases", all.stream().limit(10).toList());
    model.addAttribute("caseCount", all.size());
    model.addAttribute("pageCount", index.size());
    return "dashboard";
  }

  @GetMapping("/search")
  String search(@RequestParam(name = "q", required = false) String q, Model model)
      throws IOException {
    model.addAttribute("q", q == null ? "" : q);
    if (q != null && !q.isBlank()) {
      try {
        SearchResult result = index.search(SearchRequest.of(q, 20));
        model.addAttribute("result", result);
      } catch (IllegalArgumentException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return "search";
  }

  @GetMapping("/cases")
  String cases(Model model) {
    model.addAttribute("cases", cases.list(CaseQuery.all()));
    return "cases";
  }

  @GetMapping("/cases/{id}")
  String caseDetail(@PathVariable long id, Model model) {
    ReviewCase c =
        cases.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("c", c);
    return "case";
  }
}
