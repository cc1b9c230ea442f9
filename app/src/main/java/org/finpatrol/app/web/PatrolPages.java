package org.finpatrol.app.web;

import java.util.Arrays;
import java.util.List;
import org.finpatrol.app.AppPaths;
import org.finpatrol.app.patrol.PatrolRunner;
import org.finpatrol.app.patrol.PatrolStore;
import org.finpatrol.app.patrol.SeedLists;
import org.finpatrol.app.schedule.ScheduledPatrols;
import org.finpatrol.app.security.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 巡查: the seed lists, the past patrols, a form to start one, and its progress live (the page's
 * script polls {@code /api/patrols/current}, {@link PatrolApi}).
 */
@Controller
class PatrolPages {

  private final PatrolRunner runner;
  private final PatrolLauncher launcher;
  private final PatrolStore store;
  private final AppPaths paths;
  private final ScheduledPatrols schedules;

  PatrolPages(
      PatrolRunner runner,
      PatrolLauncher launcher,
      PatrolStore store,
      AppPaths paths,
      ScheduledPatrols schedules) {
    this.schedules = schedules;
    this.runner = runner;
    this.launcher = launcher;
    this.store = store;
    this.paths = paths;
  }

  @GetMapping("/patrols")
  String page(Model model) {
    List<SeedLists.SeedList> lists = SeedLists.read(paths.seeds());
    List<String> suggested = runner.suggestedSeeds();
    if (suggested.isEmpty()) {
      suggested = lists.stream().flatMap(l -> l.urls().stream()).distinct().toList();
    }
    model.addAttribute("seedLists", lists);
    model.addAttribute("seedsDir", paths.seeds().toAbsolutePath().normalize().toString());
    model.addAttribute("suggested", String.join("\n", suggested));
    model.addAttribute("runs", store.recentRuns(20));
    model.addAttribute("schedules", schedules.status());
    model.addAttribute("schedulesFile", paths.schedules().toAbsolutePath().normalize().toString());
    PatrolRunner.Live live = runner.live();
    model.addAttribute("live", live);
    model.addAttribute("liveText", String.join("\n", live.lines()));
    return "patrols";
  }

  @PostMapping("/patrols")
  String start(
      @RequestParam("seeds") String seeds,
      @RequestParam(name = "maxPages", defaultValue = "200") int maxPages,
      @RequestParam(name = "maxDepth", defaultValue = "2") int maxDepth,
      @RequestParam(name = "threads", defaultValue = "4") int threads,
      @RequestParam(name = "threadsPerHost", defaultValue = "2") int threadsPerHost,
      Authentication authentication,
      RedirectAttributes redirect) {
    try {
      launcher.start(
          Arrays.asList(seeds.split("\\R")),
          maxPages,
          maxDepth,
          threads,
          threadsPerHost,
          Viewer.of(authentication));
      redirect.addFlashAttribute("started", true);
    } catch (ResponseStatusException e) {
      redirect.addFlashAttribute("patrolError", e.getReason());
      redirect.addFlashAttribute("seeds", seeds);
    }
    return "redirect:/patrols#live";
  }
}
