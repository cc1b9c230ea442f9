-- The licence registry in the database: the rows of config/licences.csv (source 'file', replaced
-- at every start) and the rows admins add (source 'admin').
CREATE TABLE licence (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  aliases VARCHAR(1024) NOT NULL,
  licence_type VARCHAR(32) NOT NULL,
  licence_number VARCHAR(64) NOT NULL,
  custody_banks VARCHAR(1024) NOT NULL,
  source VARCHAR(8) NOT NULL,
  updated_at DATETIME(3) NOT NULL,
  updated_by VARCHAR(64) NOT NULL
);
CREATE INDEX ix_licence_source ON licence (source);
