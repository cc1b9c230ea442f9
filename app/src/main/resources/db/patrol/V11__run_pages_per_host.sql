-- Pages a patrol fetches at most from one host (a spider-trap guard); NULL: the default of 500.
ALTER TABLE patrol_run ADD COLUMN max_pages_per_host INT;
