-- Partitions a patrol is spread over (finpatrol worker); NULL or 1: the patrol runs in one process.
ALTER TABLE patrol_run ADD COLUMN partitions INT;
