package org.finpatrol.app.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which scheduled patrols are due and starts them. A schedule is due when its cron
 * expression has a time after its last run that is not in the future; after a run (or a skip) the
 * last run is now, so runs missed while the server was down collapse into one. A schedule seen for
 * the first time starts counting from then. When a patrol cannot start (another is running) the
 * schedule stays due and is tried at the next tick. Not thread-safe: one ticking thread.
 */
public final class PatrolScheduler {

  /** When each group last ran and how. */
  public interface LastRuns {
    Optional<Instant> last(String group);

    void ran(String group, Instant at, String outcome);
  }

  /** Starts a scheduled patrol; returns what happened, or null when it could not start yet. */
  @FunctionalInterface
  public interface Launch {
    String start(PatrolSchedule schedule);
  }

  private final List<PatrolSchedule> schedules;
  private final LastRuns lastRuns;
  private final Launch launch;
  private final Clock clock;
  private final ZoneId zone;

  public PatrolScheduler(
      List<PatrolSchedule> schedules, LastRuns lastRuns, Launch launch, Clock clock, ZoneId zone) {
    this.schedules = List.copyOf(schedules);
    this.lastRuns = lastRuns;
    this.launch = launch;
    this.clock = clock;
    this.zone = zone;
  }

  /** Starts every schedule that is due now. */
  public void tick() {
    Instant now = clock.instant();
    for (PatrolSchedule s : schedules) {
      Optional<Instant> last = lastRuns.last(s.group());
      if (last.isEmpty()) {
        lastRuns.ran(s.group(), now, "scheduled");
        continue;
      }
      Instant next = next(s, last.get());
      if (next != null && !next.isAfter(now)) {
        String outcome = launch.start(s);
        if (outcome != null) {
          lastRuns.ran(s.group(), now, outcome);
        }
      }
    }
  }

  /** Each group's next run time (null when its expression has none). */
  public Map<String, Instant> nextRuns() {
    Instant now = clock.instant();
    Map<String, Instant> out = new LinkedHashMap<>();
    for (PatrolSchedule s : schedules) {
      out.put(s.group(), next(s, lastRuns.last(s.group()).orElse(now)));
    }
    return out;
  }

  public List<PatrolSchedule> schedules() {
    return schedules;
  }

  private Instant next(PatrolSchedule s, Instant after) {
    ZonedDateTime n = s.expression().next(after.atZone(zone));
    return n == null ? null : n.toInstant();
  }
}
