-- When the run's crawl finished with every page stored: a resumed patrol whose crawl step did
-- finish (its last commit was lost to a database outage or a crash) does not crawl again.
ALTER TABLE patrol_run ADD COLUMN crawled_at DATETIME(3);
