package org.finpatrol.app.patrol;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Heartbeats: a running patrol touches its run, a worker the partition it runs, so that another
 * process can tell a live patrol or partition from a dead one ({@link PatrolService#interrupted()},
 * {@link PatrolService#resume}).
 *
 * <p>Beats are written and judged by the database's clock, never a process's: a manager and its
 * workers may run on machines whose clocks differ by more than the time that says "dead".
 */
public final class RunBeats {

  /** The database's time now, to the millisecond (H2 and MySQL/MariaDB alike). */
  private static final String NOW = "LOCALTIMESTAMP(3)";

  private final JdbcClient jdbc;

  RunBeats(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Marks the run as alive now (see {@link PatrolService#interrupted()}). */
  public void heartbeat(long runId) {
    jdbc.sql("UPDATE patrol_run SET heartbeat_at = " + NOW + " WHERE id = ?").param(runId).update();
  }

  /** Marks partition {@code index} of the run as running in a worker now. */
  public void partitionBeat(long runId, int index) {
    int updated =
        jdbc.sql(
                "UPDATE partition_beat SET beat_at = "
                    + NOW
                    + " WHERE run_id = ? AND partition_index = ?")
            .params(runId, index)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO partition_beat (run_id, partition_index, beat_at) VALUES (?, ?, "
                  + NOW
                  + ")")
          .params(runId, index)
          .update();
    }
  }

  /** Partition {@code index} of the run is no longer running (its step ended or failed). */
  public void partitionEnded(long runId, int index) {
    jdbc.sql("DELETE FROM partition_beat WHERE run_id = ? AND partition_index = ?")
        .params(runId, index)
        .update();
  }

  /** The run's partitions a worker said were running within {@code within} of now, in order. */
  public List<Integer> partitionsBeatingWithin(long runId, Duration within) {
    return jdbc.sql(
            "SELECT partition_index FROM partition_beat WHERE run_id = ? AND beat_at >= "
                + since(within)
                + " ORDER BY partition_index")
        .params(runId)
        .query(Integer.class)
        .list();
  }

  /** Whether the run said it was alive within {@code within} of now. */
  public boolean beatingWithin(long runId, Duration within) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM patrol_run WHERE id = ? AND heartbeat_at >= " + since(within))
            .param(runId)
            .query(Integer.class)
            .single()
        > 0;
  }

  private static String since(Duration within) {
    // A literal, not a parameter: H2 cannot type a parameter inside TIMESTAMPADD.
    return "TIMESTAMPADD(SECOND, " + -Math.max(0, within.toSeconds()) + ", " + NOW + ")";
  }
}
