package org.finpatrol.app.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The last runs of scheduled groups, in table {@code patrol_schedule}. */
public final class ScheduleStore implements PatrolScheduler.LastRuns {

  static final int MAX_OUTCOME = 1024;
  private final JdbcClient jdbc;

  public ScheduleStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  @Override
  public Optional<Instant> last(String group) {
    return jdbc.sql("SELECT last_run_at FROM patrol_schedule WHERE group_name = ?")
        .param(group)
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  /** What the group's last run did ({@code scheduled} before its first). */
  public Optional<String> outcome(String group) {
    return jdbc.sql("SELECT outcome FROM patrol_schedule WHERE group_name = ?")
        .param(group)
        .query(String.class)
        .optional();
  }

  @Override
  public void ran(String group, Instant at, String outcome) {
    String o = outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME) : outcome;
    int updated =
        jdbc.sql("UPDATE patrol_schedule SET last_run_at = ?, outcome = ? WHERE group_name = ?")
            .params(Timestamp.from(at), o, group)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO patrol_schedule (group_name, last_run_at, outcome) VALUES (?, ?, ?)")
          .params(group, Timestamp.from(at), o)
          .update();
    }
  }
}
