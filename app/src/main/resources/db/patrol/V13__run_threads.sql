-- The fetch threads a run was asked for, and how many one host may occupy at once, kept for
-- resumes. NULL (runs recorded before): the defaults, 4 and 2.
ALTER TABLE patrol_run ADD COLUMN threads INT;
ALTER TABLE patrol_run ADD COLUMN threads_per_host INT;
