-- Review cases: one per platform and kind (site, or ad creative + landing platform).
-- Portable across H2 and MySQL/MariaDB; every change is a new migration, never an edit.
CREATE TABLE review_case (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(8) NOT NULL,
  platform_key VARCHAR(255) NOT NULL,
  host VARCHAR(255) NOT NULL,
  url VARCHAR(2048) NOT NULL,
  categories VARCHAR(512) NOT NULL,
  signals VARCHAR(1024) NOT NULL,
  county VARCHAR(64),
  status VARCHAR(32) NOT NULL,
  risk INT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  CONSTRAINT uq_case_platform UNIQUE (kind, platform_key)
);

CREATE TABLE case_unit (
  case_id BIGINT NOT NULL,
  unit VARCHAR(32) NOT NULL,
  PRIMARY KEY (case_id, unit),
  CONSTRAINT fk_case_unit_case FOREIGN KEY (case_id) REFERENCES review_case (id)
);

CREATE TABLE case_evidence (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  url VARCHAR(2048) NOT NULL,
  warc_file VARCHAR(255) NOT NULL,
  record_id VARCHAR(64) NOT NULL,
  sha256 CHAR(64) NOT NULL,
  fetched_at DATETIME(3) NOT NULL,
  CONSTRAINT uq_case_evidence UNIQUE (case_id, record_id),
  CONSTRAINT fk_case_evidence_case FOREIGN KEY (case_id) REFERENCES review_case (id)
);

CREATE INDEX ix_case_status ON review_case (status);
CREATE INDEX ix_case_unit_unit ON case_unit (unit);
