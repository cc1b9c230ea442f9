package org.finpatrol.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.finpatrol.app.TestClock;
import org.junit.jupiter.api.Test;

class PatrolSchedulerTest {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final Map<String, Instant> last = new HashMap<>();
  private final Map<String, String> outcomes = new HashMap<>();
  private final List<String> started = new ArrayList<>();
  private boolean busy;

  private final TestClock clock =
      new TestClock(Instant.parse("2026-12-01T17:30:00Z")); // 01:30 in China

  private final PatrolScheduler.LastRuns runs =
      new PatrolScheduler.LastRuns() {
        @Override
        public Optional<Instant> last(String group) {
          return Optional.ofNullable(last.get(group));
        }

        @Override
        public void ran(String group, Instant at, String outcome) {
          last.put(group, at);
          outcomes.put(group, outcome);
        }
      };

  private PatrolScheduler scheduler(PatrolSchedule... schedules) {
    return new PatrolScheduler(
        List.of(schedules),
        runs,
        s -> {
          if (busy) {
            return null;
          }
          started.add(s.group() + "@" + clock.instant());
          return "started";
        },
        clock,
        CHINA);
  }

  @Test
  void aDailyScheduleRunsAtItsTimeOnceAndNotBefore() {
    PatrolScheduler daily =
        scheduler(new PatrolSchedule("default", "0 0 2 * * *", 200, 2, 1000, 4, 2, false));
    daily.tick();
    assertThat(started).as("first sight only starts the count").isEmpty();
    assertThat(daily.nextRuns().get("default")).isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
    clock.advance(Duration.ofMinutes(29));
    daily.tick();
    assertThat(started).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    daily.tick();
    daily.tick();
    assertThat(started).containsExactly("default@2026-12-01T18:00:00Z");
  }

  @Test
  void runsMissedWhileDownRunOnceNotOncePerMissedTime() {
    last.put("recheck", clock.instant());
    PatrolScheduler hourly =
        scheduler(new PatrolSchedule("recheck", "0 0 * * * *", 200, 0, 1000, 4, 2, true));
    clock.advance(Duration.ofHours(30)); // the server was down for 30 hourly runs
    hourly.tick();
    hourly.tick();
    assertThat(started).hasSize(1);
    clock.advance(Duration.ofHours(1));
    hourly.tick();
    assertThat(started).hasSize(2);
  }

  @Test
  void aScheduleThatCannotStartYetStaysDue() {
    last.put("default", clock.instant());
    PatrolScheduler daily =
        scheduler(new PatrolSchedule("default", "0 0 2 * * *", 200, 2, 1000, 4, 2, false));
    clock.advance(Duration.ofHours(1));
    busy = true;
    daily.tick();
    assertThat(started).isEmpty();
    assertThat(last.get("default")).isEqualTo(clock.instant().minus(Duration.ofHours(1)));
    busy = false;
    clock.advance(Duration.ofMinutes(1));
    daily.tick();
    assertThat(started).hasSize(1);
    assertThat(outcomes.get("default")).isEqualTo("started");
  }
}
