package org.finpatrol.app.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.patrol.PatrolStore;
import org.finpatrol.app.patrol.RiskSettings;
import org.finpatrol.app.security.Viewer;
import org.finpatrol.indexer.PageIndex;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.ReviewCase;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 总览: the last patrols and their counts; the cases the user may see by category, unit and county,
 * opened per day over the last 30 days; red-band platforms. Analysts, who see no cases, get the
 * patrols and the index size.
 */
@Controller
class DashboardPage {

  static final int TREND_DAYS = 30;

  private final CaseAccess access;
  private final PatrolStore patrols;
  private final PageIndex index;
  private final RiskSettings risk;
  private final CaseWorkflow workflow;
  private final UnitNames units;

  DashboardPage(
      UnitNames units,
      CaseAccess access,
      PatrolStore patrols,
      PageIndex index,
      RiskSettings risk,
      CaseWorkflow workflow) {
    this.access = access;
    this.patrols = patrols;
    this.index = index;
    this.risk = risk;
    this.workflow = workflow;
    this.units = units;
  }

  @GetMapping("/")
  String dashboard(Authentication authentication, Model model) throws IOException {
    Viewer viewer = Viewer.of(authentication);
    List<ReviewCase> cases = access.list(viewer, CaseQuery.all());
    model.addAttribute("pageCount", index.size());
    model.addAttribute("caseCount", cases.size());
    model.addAttribute("openCount", cases.stream().filter(c -> !c.status().isClosed()).count());
    model.addAttribute("overdueCount", workflow.overdue().stream().filter(viewer::canSee).count());
    model.addAttribute("runs", patrols.recentRuns(5));
    model.addAttribute("byCategory", Bars.count(cases.stream(), c -> c.categories().stream(), 10));
    model.addAttribute(
        "byUnit", Bars.count(cases.stream(), c -> c.units().stream().map(units::name), 10));
    model.addAttribute(
        "byCounty",
        Bars.count(
            cases.stream(),
            c -> java.util.stream.Stream.of(c.county() == null ? "—" : c.county()),
            10));
    model.addAttribute("trend", trend(cases));
    model.addAttribute(
        "red",
        cases.stream()
            .filter(c -> c.risk() >= risk.red() && !c.status().isClosed())
            .sorted((a, b) -> Integer.compare(b.risk(), a.risk()))
            .limit(10)
            .toList());
    return "dashboard";
  }

  /** Cases opened per day, oldest day first, over the last {@link #TREND_DAYS} days. */
  private static Bars trend(List<ReviewCase> cases) {
    LocalDate today = LocalDate.now(CaseWorkflow.LOCAL_ZONE);
    List<Map.Entry<String, Long>> days = new ArrayList<>();
    for (int i = TREND_DAYS - 1; i >= 0; i--) {
      LocalDate day = today.minusDays(i);
      long n =
          cases.stream()
              .filter(c -> c.createdAt().atZone(CaseWorkflow.LOCAL_ZONE).toLocalDate().equals(day))
              .count();
      days.add(Map.entry(day.toString().substring(5), n));
    }
    return Bars.of(days);
  }
}
