-- The links a page had, one a line: a later patrol's 304 for the page repeats no body, and the
-- crawl follows these instead.
ALTER TABLE page ADD COLUMN links LONGTEXT;
