-- A running patrol touches its run every few seconds; a run whose job execution is still STARTED
-- but whose heartbeat stopped was interrupted (the process died) and may be resumed.
ALTER TABLE patrol_run ADD COLUMN heartbeat_at DATETIME(3);
