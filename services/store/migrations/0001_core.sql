-- The back office core: persons, cards and their history, idempotent requests, rate limits,
-- PIN reset sessions, the hash-chained audit log. Runs unchanged on SQLite and PostgreSQL:
-- BIGINT and TEXT only, ids made by the callers. Times are microseconds since the Unix epoch.
CREATE TABLE persons (
  ssn TEXT PRIMARY KEY, name TEXT NOT NULL, sex BIGINT NOT NULL, ethnicity BIGINT NOT NULL,
  birth_date TEXT NOT NULL,            -- YYYYMMDD
  birthplace TEXT NOT NULL, region TEXT NOT NULL,   -- full region code 6/9/12 digits
  pension_first_payment TEXT,          -- YYYYMMDD or NULL
  service_password_hash TEXT,          -- salted slow hash, NULL until set
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
CREATE TABLE cards (
  card_number TEXT PRIMARY KEY, card_identifier TEXT NOT NULL UNIQUE,  -- hex of 16 bytes
  ssn TEXT NOT NULL REFERENCES persons(ssn),
  issue_date TEXT NOT NULL, expiry_date TEXT NOT NULL,   -- YYYYMMDD
  status BIGINT NOT NULL, status_since BIGINT NOT NULL,
  loss_report_number TEXT, loss_reported_at BIGINT, loss_auto_lift_at BIGINT,
  loss_formal BIGINT NOT NULL DEFAULT 0, loss_at_terminal BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL);
CREATE INDEX cards_by_ssn ON cards(ssn);
CREATE INDEX cards_auto_lift ON cards(loss_auto_lift_at);
CREATE TABLE card_history (
  card_number TEXT NOT NULL, seq BIGINT NOT NULL, from_status BIGINT NOT NULL, to_status BIGINT NOT NULL,
  at BIGINT NOT NULL, actor TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (card_number, seq));
CREATE TABLE requests (
  caller TEXT NOT NULL, request_id TEXT NOT NULL, method TEXT NOT NULL, body_hash TEXT NOT NULL,
  status_code BIGINT NOT NULL, refusal BIGINT NOT NULL, message TEXT NOT NULL,
  response TEXT NOT NULL,              -- hex of the serialized response message
  created_at BIGINT NOT NULL, PRIMARY KEY (caller, request_id));
CREATE INDEX requests_by_age ON requests(created_at);
CREATE TABLE rate_limits (
  bucket TEXT PRIMARY KEY, window_start BIGINT NOT NULL, count BIGINT NOT NULL);
CREATE TABLE pin_reset_sessions (
  id TEXT PRIMARY KEY, terminal TEXT NOT NULL, card_number TEXT NOT NULL, operations BIGINT NOT NULL,
  expires_at BIGINT NOT NULL, cryptograms_left BIGINT NOT NULL, closed BIGINT NOT NULL DEFAULT 0);
CREATE TABLE audit_events (
  seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, terminal_id TEXT NOT NULL,
  event_type TEXT NOT NULL, masked_subject TEXT NOT NULL, subject_digest TEXT NOT NULL,
  outcome TEXT NOT NULL, request_id TEXT NOT NULL, previous_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX audit_by_subject ON audit_events(subject_digest);
CREATE INDEX audit_by_time ON audit_events(at);
CREATE TABLE audit_head (id BIGINT PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
