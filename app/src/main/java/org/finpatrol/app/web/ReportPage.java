package org.finpatrol.app.web;

import java.time.LocalDate;
import org.finpatrol.app.security.Viewer;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseWorkflow;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 报表: a form for a unit, county and period whose CSV or XLSX download is {@code /api/reports}
 * (where a reviewer is held to their own units).
 */
@Controller
class ReportPage {

  private final CaseService cases;

  ReportPage(CaseService cases) {
    this.cases = cases;
  }

  @GetMapping("/reports")
  String form(Authentication authentication, Model model) {
    Viewer viewer = Viewer.of(authentication);
    LocalDate today = LocalDate.now(CaseWorkflow.LOCAL_ZONE);
    var units = new java.util.LinkedHashMap<String, String>();
    cases
        .routing()
        .units()
        .forEach(
            (id, name) -> {
              if (viewer.roles().admin() || viewer.roles().units().contains(id)) {
                units.put(id, name);
              }
            });
    model.addAttribute("units", units);
    model.addAttribute("from", today.withDayOfMonth(1));
    model.addAttribute("to", today);
    return "reports";
  }
}
