-- The index and classify steps read a run's pages in id order, a chunk at a time, each query
-- continuing after the last id read: with this index the database reads one chunk's rows and stops
-- (with only (run_id, fetch_status) it read and sorted all the run's remaining pages every time).
CREATE INDEX ix_page_run_id ON page (run_id, id);
