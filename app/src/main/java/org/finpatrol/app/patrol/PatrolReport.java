package org.finpatrol.app.patrol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.finpatrol.review.ReviewCase;

/**
 * The outcome of a patrol run: its ids and status, what each step read and wrote, pages by fetch
 * status, the platforms found (riskiest first) and the cases opened or updated.
 */
public record PatrolReport(
    long runId,
    long jobExecutionId,
    String status,
    String exitDescription,
    Duration elapsed,
    List<StepCount> steps,
    Map<String, Integer> pagesByStatus,
    List<Platform> platforms,
    List<ReviewCase> cases) {

  /** Read and write counts of one step. */
  public record StepCount(String step, String status, long read, long written) {}

  public boolean completed() {
    return "COMPLETED".equals(status);
  }
}
