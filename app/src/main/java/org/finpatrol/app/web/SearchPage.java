package org.finpatrol.app.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.search.SearchOptions;
import org.finpatrol.app.security.Viewer;
import org.finpatrol.crawler.Urls;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.indexer.SearchHit;
import org.finpatrol.indexer.SearchResult;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.ReviewCase;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 搜索: a query with facets (counts), filters that can be added and removed, pages of 20 hits with
 * highlighted snippets, each linking to its evidence and, when the user may see it, its case.
 */
@Controller
public class SearchPage {

  static final int PAGE_SIZE = 20;

  /** The request's query and filters, bound from the URL. */
  public static final class Form {
    String q = "";
    List<String> category = List.of();
    String host;
    String county;
    String from;
    String to;
    String sort;
    int page = 1;

    public void setQ(String q) {
      this.q = q == null ? "" : q;
    }

    public void setCategory(List<String> category) {
      this.category = category == null ? List.of() : category;
    }

    public void setHost(String host) {
      this.host = blankToNull(host);
    }

    public void setCounty(String county) {
      this.county = blankToNull(county);
    }

    public void setFrom(String from) {
      this.from = blankToNull(from);
    }

    public void setTo(String to) {
      this.to = blankToNull(to);
    }

    public void setSort(String sort) {
      this.sort = blankToNull(sort);
    }

    public void setPage(int page) {
      this.page = Math.max(1, page);
    }

    public int getPage() {
      return page;
    }

    public List<String> getCategory() {
      return category;
    }

    public String getQ() {
      return q;
    }

    public String getHost() {
      return host;
    }

    public String getCounty() {
      return county;
    }

    public String getFrom() {
      return from;
    }

    public String getTo() {
      return to;
    }

    public String getSort() {
      return sort;
    }

    /** This search's URL with one parameter changed ({@code null} removes it), back to page 1. */
    String link(String name, String value) {
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("q", q);
      params.put("category", category);
      params.put("host", host);
      params.put("county", county);
      params.put("from", from);
      params.put("to", to);
      params.put("sort", sort);
      params.put(name, value);
      UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search");
      params.forEach(
          (k, v) -> {
            if (v instanceof List<?> list) {
              list.forEach(item -> b.queryParam(k, item));
            } else if (v != null && !v.toString().isEmpty()) {
              b.queryParam(k, v);
            }
          });
      return b.encode().build().toUriString();
    }
  }

  /** A facet value with its count and the link that filters by it. */
  public record FacetLink(String value, long count, String href) {}

  /** A filter in force and the link that drops it. */
  public record ActiveFilter(String name, String value, String href) {}

  private final PageIndex index;
  private final CaseAccess cases;

  SearchPage(PageIndex index, CaseAccess cases) {
    this.index = index;
    this.cases = cases;
  }

  @GetMapping("/search")
  String search(@ModelAttribute("form") Form form, Authentication authentication, Model model)
      throws IOException {
    Viewer viewer = Viewer.of(authentication);
    if (form.q.isBlank() && form.category.isEmpty() && form.host == null) {
      return "search";
    }
    SearchResult result;
    try {
      result =
          index.search(
              new SearchOptions(
                      form.q.isBlank() ? "*:*" : form.q,
                      PAGE_SIZE,
                      (form.page - 1) * PAGE_SIZE,
                      form.category,
                      form.host,
                      form.county,
                      form.from,
                      form.to,
                      form.sort,
                      true)
                  .toRequest());
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", e.getMessage());
      return "search";
    }
    model.addAttribute("result", result);
    model.addAttribute("facets", facetLinks(form, result));
    model.addAttribute("filters", activeFilters(form));
    model.addAttribute("caseOf", caseLinks(viewer, result.hits()));
    long pages = (result.totalHits() + PAGE_SIZE - 1) / PAGE_SIZE;
    model.addAttribute("pages", pages);
    model.addAttribute(
        "prev", form.page > 1 ? form.link("page", Integer.toString(form.page - 1)) : null);
    model.addAttribute(
        "next", form.page < pages ? form.link("page", Integer.toString(form.page + 1)) : null);
    return "search";
  }

  private static Map<String, List<FacetLink>> facetLinks(Form form, SearchResult result) {
    Map<String, List<FacetLink>> out = new LinkedHashMap<>();
    SearchOptions.facets(result)
        .forEach(
            (name, counts) -> {
              String param = name.equals("signal") ? "category" : name;
              if (name.equals("month")) {
                return;
              }
              out.put(
                  name,
                  counts.stream()
                      .limit(10)
                      .map(
                          f ->
                              new FacetLink(
                                  f.value(),
                                  f.count(),
                                  param.equals("category")
                                      ? addCategory(form, f.value())
                                      : form.link(param, f.value())))
                      .toList());
            });
    return out;
  }

  private static String addCategory(Form form, String value) {
    List<String> before = form.category;
    List<String> with = new java.util.ArrayList<>(before);
    if (!with.contains(value)) {
      with.add(value);
    }
    form.category = with;
    try {
      return form.link("page", null);
    } finally {
      form.category = before;
    }
  }

  private static List<ActiveFilter> activeFilters(Form form) {
    List<ActiveFilter> out = new java.util.ArrayList<>();
    for (String c : form.category) {
      List<String> before = form.category;
      form.category = before.stream().filter(x -> !x.equals(c)).toList();
      out.add(new ActiveFilter("category", c, form.link("page", null)));
      form.category = before;
    }
    Map<String, String> single = new LinkedHashMap<>();
    single.put("host", form.host);
    single.put("county", form.county);
    single.put("from", form.from);
    single.put("to", form.to);
    single.forEach(
        (k, v) -> {
          if (v != null) {
            out.add(new ActiveFilter(k, v, form.link(k, null)));
          }
        });
    return out;
  }

  /** Hit URL → the id of the case on its platform, for the cases this user may see. */
  private Map<String, Long> caseLinks(Viewer viewer, List<SearchHit> hits) {
    Map<String, Long> out = new HashMap<>();
    if (!viewer.seesCases()) {
      return out;
    }
    Map<String, Long> byPlatform = new HashMap<>();
    for (ReviewCase c : cases.list(viewer, CaseQuery.all())) {
      if (c.kind() == org.finpatrol.review.CaseKind.SITE) {
        byPlatform.putIfAbsent(c.platformKey(), c.id());
      }
    }
    for (SearchHit h : hits) {
      Long id = byPlatform.get(Urls.platform(h.host()));
      if (id != null) {
        out.put(h.url(), id);
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
