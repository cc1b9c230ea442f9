-- The classify step's verdict on each page, in a table of its own. In `page` it rewrote every row
-- a patrol fetched, text and links included (3 KB and more a row, plus the database's undo copy of
-- each): at 30,000 pages that writing was two fifths of the classify step. A verdict row is small
-- and is inserted, not updated.
CREATE TABLE page_verdict (
  page_id BIGINT PRIMARY KEY,
  run_id BIGINT NOT NULL,
  page_type VARCHAR(32),
  guaranteed_return BOOLEAN NOT NULL,
  financial_solicitation BOOLEAN NOT NULL,
  signals VARCHAR(1024),
  CONSTRAINT fk_page_verdict_page FOREIGN KEY (page_id) REFERENCES page (id)
);
CREATE INDEX ix_page_verdict_run ON page_verdict (run_id);

INSERT INTO page_verdict (page_id, run_id, page_type, guaranteed_return, financial_solicitation,
    signals)
  SELECT id, run_id, page_type, COALESCE(guaranteed_return, FALSE),
      COALESCE(financial_solicitation, FALSE), signals
  FROM page
  WHERE page_type IS NOT NULL OR guaranteed_return IS NOT NULL OR signals IS NOT NULL;

ALTER TABLE page DROP COLUMN page_type;
ALTER TABLE page DROP COLUMN guaranteed_return;
ALTER TABLE page DROP COLUMN financial_solicitation;
ALTER TABLE page DROP COLUMN signals;
