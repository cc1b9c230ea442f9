package org.finpatrol.app.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.finpatrol.app.tips.TipService;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.SearchRequest;
import org.finpatrol.indexer.SearchResult;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.ReviewCase;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The JSON API under {@code /api/}: search and cases (read-only for now). */
@RestController
public class ApiController {

  private final CaseService cases;
  private final PageIndex index;
  private final TipService tips;

  public ApiController(CaseService cases, PageIndex index, TipService tips) {
    this.cases = cases;
    this.index = index;
    this.tips = tips;
  }

  @GetMapping("/api/search")
  List<Map<String, Object>> search(
      @RequestParam("q") String q,
      @RequestParam(name = "limit", defaultValue = "10") int limit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "host", required = false) String host)
      throws IOException {
    try {
      SearchResult result =
          index.search(new SearchRequest(q, Math.min(Math.max(limit, 1), 100), category, host));
      return result.hits().stream().map(JsonViews::searchHit).toList();
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  @GetMapping("/api/cases")
  List<Map<String, Object>> cases(
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "status", required = false) String status) {
    CaseStatus s = null;
    if (status != null) {
      try {
        s = CaseStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST, "unknown status '" + status + "'");
      }
    }
    return cases.list(new CaseQuery(unit, s)).stream().map(JsonViews::reviewCase).toList();
  }

  /** A tip from the public: {@code {"url": ..., "note": ...}}; 202 with its id, 400 if invalid. */
  @PostMapping("/api/tips")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> tip(@RequestBody Map<String, String> body) {
    try {
      long id = tips.submit(body.get("url"), body.get("note"));
      return Map.of("id", id, "status", "PENDING");
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  @GetMapping("/api/cases/{id}")
  Map<String, Object> caseById(@PathVariable long id) {
    ReviewCase c =
        cases.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return JsonViews.reviewCase(c);
  }
}
