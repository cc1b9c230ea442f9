package org.finpatrol.app.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.finpatrol.app.evidence.EvidencePage;
import org.finpatrol.app.evidence.EvidenceStore;
import org.finpatrol.app.evidence.Highlights;
import org.finpatrol.app.patrol.CaseFacts;
import org.finpatrol.app.patrol.RiskSettings;
import org.finpatrol.app.security.Viewer;
import org.finpatrol.review.CaseQuery;
import org.finpatrol.review.CaseService;
import org.finpatrol.review.CaseStatus;
import org.finpatrol.review.CaseWorkflow;
import org.finpatrol.review.Evidence;
import org.finpatrol.review.InvalidTransitionException;
import org.finpatrol.review.ReviewCase;
import org.finpatrol.review.Transition;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 案件: the queue of the user's units with filters, and a case with its findings marked in the cited
 * pages' text, its evidence, its trail and a form for each move the workflow allows.
 */
@Controller
public class CasePages {

  /** A cited page: its evidence record, its text split for marking, its findings. */
  public record CitedPage(
      Evidence evidence,
      EvidencePage page,
      List<Highlights.Part> parts,
      List<CaseFacts.CitedFinding> findings) {}

  private final CaseAccess access;
  private final CaseService cases;
  private final CaseWorkflow workflow;
  private final CaseFacts facts;
  private final EvidenceStore evidence;
  private final RiskSettings risk;

  CasePages(
      CaseAccess access,
      CaseService cases,
      CaseWorkflow workflow,
      CaseFacts facts,
      EvidenceStore evidence,
      RiskSettings risk) {
    this.access = access;
    this.cases = cases;
    this.workflow = workflow;
    this.facts = facts;
    this.evidence = evidence;
    this.risk = risk;
  }

  @GetMapping("/cases")
  String list(
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "county", required = false) String county,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "band", required = false) String band,
      @RequestParam(name = "overdue", defaultValue = "false") boolean overdue,
      Authentication authentication,
      Model model) {
    Viewer viewer = Viewer.of(authentication);
    List<ReviewCase> visible = access.list(viewer, CaseQuery.all());
    Set<Long> late = workflow.overdue().stream().map(ReviewCase::id).collect(Collectors.toSet());
    List<ReviewCase> shown =
        visible.stream()
            .filter(c -> blank(status) || c.status().name().equalsIgnoreCase(status))
            .filter(c -> blank(county) || county.equals(c.county()))
            .filter(c -> blank(category) || c.categories().contains(category))
            .filter(c -> blank(band) || band(c.risk()).equals(band))
            .filter(c -> !overdue || late.contains(c.id()))
            .toList();
    model.addAttribute("cases", shown);
    model.addAttribute("late", late);
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute(
        "counties",
        visible.stream()
            .map(ReviewCase::county)
            .filter(c -> c != null)
            .distinct()
            .sorted()
            .toList());
    model.addAttribute(
        "categories",
        visible.stream().flatMap(c -> c.categories().stream()).distinct().sorted().toList());
    model.addAttribute("status", status);
    model.addAttribute("county", county);
    model.addAttribute("category", category);
    model.addAttribute("band", band);
    model.addAttribute("overdue", overdue);
    model.addAttribute(
        "bandOf", shown.stream().collect(Collectors.toMap(ReviewCase::id, c -> band(c.risk()))));
    return "cases";
  }

  @GetMapping("/cases/{id}")
  String detail(@PathVariable long id, Authentication authentication, Model model) {
    ReviewCase c = access.get(Viewer.of(authentication), id);
    List<CaseFacts.CitedFinding> all =
        facts.findingsOn(c.evidence().stream().map(Evidence::recordId).distinct().toList());
    List<CitedPage> pages = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Evidence e : c.evidence()) {
      if (!seen.add(e.recordId())) {
        continue;
      }
      List<CaseFacts.CitedFinding> on =
          all.stream().filter(f -> f.recordId().equals(e.recordId())).toList();
      EvidencePage page = evidence.page(e.recordId()).orElse(null);
      List<Highlights.Part> parts =
          page == null
              ? List.of()
              : Highlights.split(
                  page.classifiedText(),
                  on.stream()
                      .filter(f -> f.ad() == null)
                      .map(f -> new Highlights.Range(f.start(), f.end(), label(f)))
                      .toList());
      pages.add(new CitedPage(e, page, parts, on));
    }
    List<CaseStatus> next = new ArrayList<>(c.status().next());
    model.addAttribute("c", c);
    model.addAttribute("band", band(c.risk()));
    model.addAttribute("pages", pages);
    model.addAttribute("timeline", workflow.timeline(id));
    model.addAttribute("next", next);
    model.addAttribute("overdue", workflow.overdue().stream().anyMatch(o -> o.id() == id));
    model.addAttribute("defaultDeadline", LocalDate.now(CaseWorkflow.LOCAL_ZONE).plusDays(15));
    return "case";
  }

  @PostMapping("/cases/{id}/transitions")
  String transition(
      @PathVariable long id,
      @RequestParam("to") String to,
      @RequestParam(name = "comment", required = false) String comment,
      @RequestParam(name = "deadline", required = false) String deadline,
      @RequestParam(name = "reason", required = false) String reason,
      Authentication authentication,
      RedirectAttributes redirect) {
    Viewer viewer = Viewer.of(authentication);
    access.get(viewer, id);
    try {
      CaseStatus target = CaseStatus.valueOf(to.strip().toUpperCase(Locale.ROOT));
      LocalDate day = blank(deadline) ? null : LocalDate.parse(deadline.strip());
      workflow.transition(
          id,
          new Transition(
              target, viewer.username(), emptyToNull(comment), day, emptyToNull(reason)));
      redirect.addFlashAttribute("done", target.name());
    } catch (DateTimeParseException e) {
      redirect.addFlashAttribute(
          "actionError", "deadline '" + deadline + "' is not a date like 2026-12-31");
    } catch (InvalidTransitionException | IllegalArgumentException | NoSuchElementException e) {
      redirect.addFlashAttribute("actionError", e.getMessage());
    }
    return "redirect:/cases/" + id;
  }

  @PostMapping("/cases/{id}/comments")
  String comment(
      @PathVariable long id,
      @RequestParam("comment") String comment,
      Authentication authentication,
      RedirectAttributes redirect) {
    Viewer viewer = Viewer.of(authentication);
    access.get(viewer, id);
    try {
      cases.note(id, viewer.username(), comment);
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("actionError", e.getMessage());
    }
    return "redirect:/cases/" + id + "#timeline";
  }

  String band(int score) {
    return score >= risk.red() ? "red" : score >= risk.yellow() ? "yellow" : "green";
  }

  private static String label(CaseFacts.CitedFinding f) {
    return f.signal() != null ? f.signal() : f.category();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String emptyToNull(String s) {
    return blank(s) ? null : s.strip();
  }
}
