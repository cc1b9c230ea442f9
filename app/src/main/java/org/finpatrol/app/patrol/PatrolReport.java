package org.finpatrol.app.patrol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.finpatrol.review.ReviewCase;

/**
 * The outcome of a patrol run: its ids and status, what each step read and wrote, pages by fetch
 * status with the first failures, the platforms found (riskiest first) and the cases opened or
 * updated.
 */
public record PatrolReport(
    long runId,
    long jobExecutionId,
    String status,
    String exitDescription,
    Duration elapsed,
    List<StepCount> steps,
    Map<String, Integer> pagesByStatus,
    Map<String, Integer> changes,
    List<Failure> failures,
    List<Platform> platforms,
    List<ReviewCase> cases,
    List<ReviewCase> overdue) {

  /** A URL that was not fetched, and why (the first few of a run are reported). */
  public record Failure(String url, String status, String cause) {}

  /** Read and write counts of one step. */
  public record StepCount(String step, String status, long read, long written) {}

  public boolean completed() {
    return "COMPLETED".equals(status);
  }
}
