-- Re-patrols (conditional GET validators, change detection), operator facts, public tips.
ALTER TABLE page ADD COLUMN etag VARCHAR(255);
ALTER TABLE page ADD COLUMN last_modified VARCHAR(64);
ALTER TABLE page ADD COLUMN facts LONGTEXT;
-- NEW (first time seen), CHANGED (body hash differs from the previous patrol), UNCHANGED.
ALTER TABLE page ADD COLUMN change_status VARCHAR(16);
ALTER TABLE page ADD COLUMN previous_sha256 CHAR(64);
CREATE INDEX ix_page_url_hash ON page (url_hash, id);

-- URLs reported by the public (举报); validated on submission, seeded into the next patrol.
CREATE TABLE tip (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  url VARCHAR(2048) NOT NULL,
  note VARCHAR(1000),
  submitted_at DATETIME(3) NOT NULL,
  status VARCHAR(16) NOT NULL,
  run_id BIGINT
);
CREATE INDEX ix_tip_status ON tip (status);
