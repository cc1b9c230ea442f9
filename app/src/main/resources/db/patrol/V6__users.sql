-- Web UI and API users. Passwords are BCrypt hashes; roles is a comma-separated list of ADMIN,
-- ANALYST and REVIEWER:<unit id> (one per unit the user reviews for).
CREATE TABLE app_user (
  username VARCHAR(64) NOT NULL PRIMARY KEY,
  password_hash VARCHAR(100) NOT NULL,
  roles VARCHAR(512) NOT NULL,
  enabled BOOLEAN NOT NULL,
  created_at DATETIME(3) NOT NULL
);
