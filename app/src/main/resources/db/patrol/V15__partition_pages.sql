-- The pages each partition of a spread patrol has taken of the patrol's --max-pages, so that the
-- partitions, crawled by different workers at once, fetch no more pages together than the patrol
-- may. A partition whose crawl starts again (after a crash) gives its pages back first.
CREATE TABLE partition_pages (
  run_id BIGINT NOT NULL,
  partition_index INT NOT NULL,
  taken INT NOT NULL,
  PRIMARY KEY (run_id, partition_index)
);
