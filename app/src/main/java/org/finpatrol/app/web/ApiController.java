package org.finpatrol.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.finpatrol.app.patrol.CaseFacts;
import org.finpatrol.app.search.SearchOptions;
import org.finpatrol.app.security.Viewer;
import org.finpatrol.app.tips.TipRateLimit;
import org.finpatrol.app.tips.TipService;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.SearchRequest;
import org.finpatrol.indexer.SearchResult;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseReport;
import org.finpatrol.review.CaseReports;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.InvalidTransitionException;
import org.finpatrol.review.ReportQuery;
import org.finpatrol.review.ReviewCase;
import org.finpatrol.review.Transition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The JSON API under {@code /api/}: search, cases and their workflow, reports, tips. Same roles as
 * the pages ({@code SecurityConfiguration}); cases pass {@link CaseAccess}, so a reviewer gets only
 * their units' cases; a transition's actor is the signed-in user.
 */
@RestController
public class ApiController {

  private final CaseService cases;
  private final PageIndex index;
  private final TipService tips;
  private final CaseWorkflow workflow;
  private final CaseReports reports;
  private final CaseFacts facts;
  private final CaseAccess access;
  private final TipRateLimit tipLimit;

  public ApiController(
      CaseAccess access,
      TipRateLimit tipLimit,
      CaseService cases,
      CaseWorkflow workflow,
      CaseReports reports,
      CaseFacts facts,
      PageIndex index,
      TipService tips) {
    this.access = access;
    this.tipLimit = tipLimit;
    this.facts = facts;
    this.cases = cases;
    this.workflow = workflow;
    this.reports = reports;
    this.index = index;
    this.tips = tips;
  }

  /**
   * {@code {total, offset, hits: [...], facets: {...}}}; hits carry the CLI's fields plus risk,
   * signals, operator, county, fetch time and evidence. {@code like=URL} finds pages like that one
   * instead of matching {@code q}.
   */
  @GetMapping("/api/search")
  Map<String, Object> search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "like", required = false) String like,
      @RequestParam(name = "limit", defaultValue = "10") int limit,
      @RequestParam(name = "offset", defaultValue = "0") int offset,
      @RequestParam(name = "category", required = false) List<String> categories,
      @RequestParam(name = "host", required = false) String host,
      @RequestParam(name = "county", required = false) String county,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam(name = "facets", defaultValue = "false") boolean facets)
      throws IOException {
    try {
      SearchRequest request =
          new SearchOptions(
                  like != null ? "*:*" : q,
                  limit,
                  offset,
                  categories,
                  host,
                  county,
                  from,
                  to,
                  sort,
                  facets)
              .toRequest();
      SearchResult result =
          like != null ? index.moreLikeThis(like, request) : index.search(request);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("total", result.totalHits());
      body.put("offset", request.offset());
      body.put("hits", result.hits().stream().map(JsonViews::searchHitDetail).toList());
      body.put("facets", JsonViews.facets(SearchOptions.facets(result)));
      return body;
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  @GetMapping("/api/cases")
  List<Map<String, Object>> cases(
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "status", required = false) String status,
      Authentication authentication) {
    CaseStatus s = null;
    if (status != null) {
      try {
        s = CaseStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST, "unknown status '" + status + "'");
      }
    }
    return access.list(Viewer.of(authentication), new CaseQuery(unit, s)).stream()
        .map(JsonViews::reviewCase)
        .toList();
  }

  /** A tip from the public: {@code {"url": ..., "note": ...}}; 202 with its id, 400 if invalid. */
  @PostMapping("/api/tips")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, Object> tip(@RequestBody Map<String, String> body, HttpServletRequest request) {
    if (!tipLimit.allow(request.getRemoteAddr())) {
      throw new ResponseStatusException(
          HttpStatus.TOO_MANY_REQUESTS,
          "more than " + TipRateLimit.MAX_PER_HOUR + " tips an hour from this address");
    }
    try {
      long id = tips.submit(body.get("url"), body.get("note"));
      return Map.of("id", id, "status", "PENDING");
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  @GetMapping("/api/cases/{id}")
  Map<String, Object> caseById(@PathVariable long id, Authentication authentication) {
    return JsonViews.reviewCase(access.get(Viewer.of(authentication), id));
  }

  /**
   * Moves a case: {@code {"to": "NOTICE_ISSUED", "comment": "…", "deadline": "2026-12-10"}} (a
   * dismissal has {@code "reason"}); the actor is the signed-in user. 200 with the case; 400 when
   * the request is incomplete, 403 for another unit's case, 404 for no such case, 409 when the
   * workflow does not allow the move, each with the reason in words.
   */
  @PostMapping("/api/cases/{id}/transitions")
  Map<String, Object> transition(
      @PathVariable long id, @RequestBody Map<String, String> body, Authentication authentication) {
    Viewer viewer = Viewer.of(authentication);
    access.get(viewer, id);
    CaseStatus to = status(body.get("to"));
    LocalDate deadline = null;
    if (body.get("deadline") != null) {
      try {
        deadline = LocalDate.parse(body.get("deadline"));
      } catch (DateTimeParseException e) {
        throw new ResponseStatusException(
            HttpStatus.BAD_REQUEST,
            "deadline '" + body.get("deadline") + "' is not a date like 2026-12-10");
      }
    }
    try {
      return JsonViews.reviewCase(
          workflow.transition(
              id,
              new Transition(
                  to, viewer.username(), body.get("comment"), deadline, body.get("reason"))));
    } catch (NoSuchElementException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    } catch (InvalidTransitionException e) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  /**
   * The findings on the pages the case cites: {@code url, record_id, ad, rule, category, signal,
   * start, end, text, basis}; offsets are into the page's title and text ("title\ntext"), or into
   * the ad's text when {@code ad} is set.
   */
  @GetMapping("/api/cases/{id}/findings")
  List<Map<String, Object>> findings(@PathVariable long id, Authentication authentication) {
    ReviewCase c = access.get(Viewer.of(authentication), id);
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (CaseFacts.CitedFinding f :
        facts.findingsOn(c.evidence().stream().map(e -> e.recordId()).toList())) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("url", f.url());
      o.put("record_id", f.recordId());
      o.put("ad", f.ad());
      o.put("rule", f.rule());
      o.put("category", f.category());
      o.put("signal", f.signal());
      o.put("start", f.start());
      o.put("end", f.end());
      o.put("text", f.text());
      o.put("basis", f.basis());
      out.add(o);
    }
    return out;
  }

  /** The case's audit trail, oldest first. */
  @GetMapping("/api/cases/{id}/timeline")
  List<Map<String, Object>> timeline(@PathVariable long id, Authentication authentication) {
    access.get(Viewer.of(authentication), id);
    return workflow.timeline(id).stream().map(JsonViews::caseEvent).toList();
  }

  /** Cases whose rectification deadline has passed without a re-check. */
  @GetMapping("/api/cases/overdue")
  List<Map<String, Object>> overdue(Authentication authentication) {
    return Viewer.of(authentication).visible(workflow.overdue()).stream()
        .map(JsonViews::reviewCase)
        .toList();
  }

  /**
   * The case report for a unit, county and period as a download: {@code format=csv} (default) or
   * {@code xlsx}; {@code from} and {@code to} are dates (default: this month so far). A reviewer
   * gets a report of one of their own units (the first when they name none).
   */
  @GetMapping("/api/reports")
  ResponseEntity<byte[]> report(
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "county", required = false) String county,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "format", defaultValue = "csv") String format,
      Authentication authentication)
      throws IOException {
    try {
      unit = Viewer.of(authentication).reportUnit(unit);
    } catch (SecurityException e) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
    }
    if (unit != null && !cases.routing().isUnit(unit)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown unit '" + unit + "'");
    }
    LocalDate today = LocalDate.now(CaseWorkflow.LOCAL_ZONE);
    ReportQuery query;
    try {
      query =
          new ReportQuery(
              unit,
              county,
              from == null ? today.withDayOfMonth(1) : day("from", from),
              to == null ? today : day("to", to));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    CaseReport report = reports.build(query);
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    String name = "finpatrol-report-" + query.from() + "-" + query.to();
    MediaType type;
    switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> {
        java.io.Writer w = new java.io.OutputStreamWriter(body, StandardCharsets.UTF_8);
        CaseReports.writeCsv(report, w);
        type = new MediaType("text", "csv", StandardCharsets.UTF_8);
        name += ".csv";
      }
      case "xlsx" -> {
        CaseReports.writeXlsx(report, body);
        type =
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        name += ".xlsx";
      }
      default ->
          throw new ResponseStatusException(
              HttpStatus.BAD_REQUEST, "unknown format '" + format + "' (csv or xlsx)");
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .body(body.toByteArray());
  }

  private static LocalDate day(String name, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, name + " '" + value + "' is not a date like 2026-11-30");
    }
  }

  private static CaseStatus status(String name) {
    if (name == null || name.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "say which state: \"to\"");
    }
    try {
      return CaseStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "unknown status '"
              + name
              + "' (one of "
              + java.util.Arrays.toString(CaseStatus.values())
              + ")");
    }
  }
}
