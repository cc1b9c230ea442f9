-- When each scheduled seed group last ran (or was first seen), and how that went.
CREATE TABLE patrol_schedule (
  group_name VARCHAR(64) NOT NULL PRIMARY KEY,
  last_run_at DATETIME(3) NOT NULL,
  outcome VARCHAR(1024) NOT NULL
);
