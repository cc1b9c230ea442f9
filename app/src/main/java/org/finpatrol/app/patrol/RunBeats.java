package org.finpatrol.app.patrol;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Heartbeats: a running patrol touches its run, a worker the partition it runs, so that another
 * process can tell a live patrol or partition from a dead one ({@link PatrolService#interrupted()},
 * {@link PatrolService#resume}). Times are this process's clock.
 */
public final class RunBeats {

  private final JdbcClient jdbc;
  private final Clock clock;

  RunBeats(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Marks the run as alive now (see {@link PatrolService#interrupted()}). */
  public void heartbeat(long runId) {
    jdbc.sql("UPDATE patrol_run SET heartbeat_at = ? WHERE id = ?")
        .params(Timestamp.from(clock.instant()), runId)
        .update();
  }

  /** Marks partition {@code index} of the run as running in a worker now. */
  public void partitionBeat(long runId, int index) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.sql("UPDATE partition_beat SET beat_at = ? WHERE run_id = ? AND partition_index = ?")
            .params(now, runId, index)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO partition_beat (run_id, partition_index, beat_at) VALUES (?, ?, ?)")
          .params(runId, index, now)
          .update();
    }
  }

  /** Partition {@code index} of the run is no longer running (its step ended or failed). */
  public void partitionEnded(long runId, int index) {
    jdbc.sql("DELETE FROM partition_beat WHERE run_id = ? AND partition_index = ?")
        .params(runId, index)
        .update();
  }

  /** The run's partitions a worker said were running at {@code since} or later, in order. */
  public List<Integer> partitionsBeatingSince(long runId, Instant since) {
    return jdbc.sql(
            "SELECT partition_index FROM partition_beat WHERE run_id = ? AND beat_at >= ?"
                + " ORDER BY partition_index")
        .params(runId, Timestamp.from(since))
        .query(Integer.class)
        .list();
  }

  /** When the run last said it was alive; empty if it never did. */
  public Optional<Instant> heartbeatAt(long runId) {
    return jdbc.sql("SELECT heartbeat_at FROM patrol_run WHERE id = ?")
        .param(runId)
        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
        .optional()
        .flatMap(o -> o);
  }
}
