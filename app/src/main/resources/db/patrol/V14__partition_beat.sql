-- A worker running a partition of a spread patrol touches its row every few seconds, so that a
-- restarted manager does not send a partition that is still running to a second worker.
CREATE TABLE partition_beat (
  run_id BIGINT NOT NULL,
  partition_index INT NOT NULL,
  beat_at TIMESTAMP NOT NULL,
  PRIMARY KEY (run_id, partition_index)
);
