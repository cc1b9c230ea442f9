-- The review workflow: a rectification deadline on the case, and an append-only audit trail of
-- every change (who, when, from which state, to which, with what comment, deadline or reason).
ALTER TABLE review_case ADD COLUMN notice_deadline DATE;

CREATE TABLE case_event (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  happened_at DATETIME(3) NOT NULL,
  actor VARCHAR(64) NOT NULL,
  from_status VARCHAR(32),
  to_status VARCHAR(32) NOT NULL,
  comment VARCHAR(1000),
  deadline DATE,
  reason VARCHAR(500),
  CONSTRAINT fk_case_event_case FOREIGN KEY (case_id) REFERENCES review_case (id)
);
CREATE INDEX ix_case_event_case ON case_event (case_id, id);
CREATE INDEX ix_case_deadline ON review_case (status, notice_deadline);
