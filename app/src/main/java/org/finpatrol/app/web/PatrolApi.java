package org.finpatrol.app.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.finpatrol.app.patrol.PatrolRequest;
import org.finpatrol.app.patrol.PatrolRunner;
import org.finpatrol.app.patrol.PatrolStore;
import org.finpatrol.app.security.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Patrols over JSON: the latest runs, the one started here and its progress, starting one. */
@RestController
class PatrolApi {

  private final PatrolRunner runner;
  private final PatrolLauncher launcher;
  private final PatrolStore store;

  PatrolApi(PatrolRunner runner, PatrolLauncher launcher, PatrolStore store) {
    this.runner = runner;
    this.launcher = launcher;
    this.store = store;
  }

  /** {@code {"current": {...}, "runs": [...]}}: the patrol started here and the latest runs. */
  @GetMapping("/api/patrols")
  Map<String, Object> list() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("current", live(runner.live()));
    body.put("runs", store.recentRuns(20).stream().map(PatrolApi::run).toList());
    return body;
  }

  @GetMapping("/api/patrols/current")
  Map<String, Object> current() {
    return live(runner.live());
  }

  private static Map<String, Object> live(PatrolRunner.Live live) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("running", live.running());
    o.put("started_by", live.startedBy());
    o.put("started_at", live.startedAt() == null ? null : live.startedAt().toString());
    o.put("lines", live.lines());
    o.put("run_id", live.runId());
    o.put("status", live.status());
    o.put("cases", live.cases());
    return o;
  }

  private static Map<String, Object> run(PatrolStore.RunSummary r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", r.id());
    o.put("requested_at", r.requestedAt().toString());
    o.put("pages", r.pages());
    o.put("failed", r.failed());
    o.put("flagged", r.flagged());
    return o;
  }

  /**
   * Starts a patrol: {@code {"seeds": [...], "max_pages": 200, "max_depth": 2, "threads": 4,
   * "threads_per_host": 2}} (all but the seeds optional); 202, or 400 naming the bad seed or limit,
   * or 409 while another patrol started here runs.
   */
  @PostMapping("/api/patrols")
  ResponseEntity<Map<String, Object>> startJson(
      @RequestBody Map<String, Object> body, Authentication authentication) {
    Object seeds = body.get("seeds");
    if (!(seeds instanceof List<?> list)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "\"seeds\" must be a list of URLs");
    }
    launcher.start(
        list.stream().map(String::valueOf).toList(),
        number(body, "max_pages", 200),
        number(body, "max_depth", 2),
        number(body, "threads", PatrolRequest.DEFAULT_THREADS),
        number(body, "threads_per_host", PatrolRequest.DEFAULT_THREADS_PER_HOST),
        Viewer.of(authentication));
    return ResponseEntity.accepted().body(live(runner.live()));
  }

  private static int number(Map<String, Object> body, String key, int otherwise) {
    Object v = body.get(key);
    if (v == null) {
      return otherwise;
    }
    if (v instanceof Number n) {
      return n.intValue();
    }
    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "\"" + key + "\" must be a number");
  }
}
