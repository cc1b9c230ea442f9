-- The patrol pipeline's working tables. V1 is Spring Batch's own schema (BatchSchemaMigration).
-- Portable across H2 (MySQL mode) and MySQL/MariaDB; every change is a new migration.

-- One requested patrol run; its id is the identifying parameter of the Batch job instance.
CREATE TABLE patrol_run (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  requested_at DATETIME(3) NOT NULL,
  seeds LONGTEXT NOT NULL,
  max_pages INT NOT NULL,
  max_depth INT NOT NULL,
  politeness_ms INT NOT NULL,
  allow_private_network BOOLEAN NOT NULL,
  host_overrides VARCHAR(2048)
);

-- Every URL the crawl processed, with its outcome, extracted content and evidence.
CREATE TABLE page (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  run_id BIGINT NOT NULL,
  url VARCHAR(2048) NOT NULL,
  url_hash CHAR(64) NOT NULL,
  host VARCHAR(255) NOT NULL,
  depth INT NOT NULL,
  parent_url VARCHAR(2048),
  fetch_status VARCHAR(32) NOT NULL,
  http_status INT NOT NULL,
  cause VARCHAR(1024),
  content_type VARCHAR(255),
  body_charset VARCHAR(64),
  truncated BOOLEAN NOT NULL,
  title VARCHAR(1024) NOT NULL,
  body_text LONGTEXT NOT NULL,
  outlinks INT NOT NULL,
  warc_file VARCHAR(255),
  record_id VARCHAR(64),
  warc_offset BIGINT,
  sha256 CHAR(64),
  fetched_at DATETIME(3) NOT NULL,
  page_type VARCHAR(32),
  guaranteed_return BOOLEAN,
  financial_solicitation BOOLEAN,
  signals VARCHAR(1024),
  CONSTRAINT uq_page_run_url UNIQUE (run_id, url_hash),
  CONSTRAINT fk_page_run FOREIGN KEY (run_id) REFERENCES patrol_run (id)
);
CREATE INDEX ix_page_run_status ON page (run_id, fetch_status);
CREATE INDEX ix_page_run_host ON page (run_id, host);

-- Advertisements seen on pages.
CREATE TABLE page_ad (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  run_id BIGINT NOT NULL,
  page_id BIGINT NOT NULL,
  text VARCHAR(2048) NOT NULL,
  landing_url VARCHAR(2048),
  landing_host VARCHAR(255),
  reason VARCHAR(255) NOT NULL,
  guaranteed_return BOOLEAN,
  signals VARCHAR(1024),
  CONSTRAINT fk_page_ad_page FOREIGN KEY (page_id) REFERENCES page (id)
);
CREATE INDEX ix_page_ad_run ON page_ad (run_id);

-- Classifier findings on a page's text (ad_id null) or on an ad's creative.
CREATE TABLE finding (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  run_id BIGINT NOT NULL,
  page_id BIGINT NOT NULL,
  ad_id BIGINT,
  rule_id VARCHAR(64) NOT NULL,
  category VARCHAR(64),
  signal_id VARCHAR(64),
  start_offset INT NOT NULL,
  end_offset INT NOT NULL,
  matched_text VARCHAR(1024) NOT NULL,
  basis VARCHAR(1024) NOT NULL,
  CONSTRAINT fk_finding_page FOREIGN KEY (page_id) REFERENCES page (id)
);
CREATE INDEX ix_finding_run_page ON finding (run_id, page_id);

-- Per-host aggregate of a run: risk score, band, labels.
CREATE TABLE platform (
  run_id BIGINT NOT NULL,
  host VARCHAR(255) NOT NULL,
  risk INT NOT NULL,
  band VARCHAR(8) NOT NULL,
  categories VARCHAR(512) NOT NULL,
  signals VARCHAR(1024) NOT NULL,
  pages INT NOT NULL,
  flagged_pages INT NOT NULL,
  reasons VARCHAR(2048) NOT NULL,
  PRIMARY KEY (run_id, host),
  CONSTRAINT fk_platform_run FOREIGN KEY (run_id) REFERENCES patrol_run (id)
);
