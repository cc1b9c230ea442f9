-- Escalation to the leading group's office (red-band or fast-growing platforms): when and why.
-- Sticky: once escalated, a case stays escalated.
ALTER TABLE review_case ADD COLUMN escalated_at DATETIME(3);
ALTER TABLE review_case ADD COLUMN escalation VARCHAR(255);
