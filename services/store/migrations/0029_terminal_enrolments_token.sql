-- only: sqlite
-- A token that changes with every change to terminal_enrolments (migration 0030 is the same on
-- PostgreSQL). The terminal gate (services/backoffice/rpc/terminal_gate.cpp) keeps each
-- terminal's answer with the token it was read under; one read of the token then tells whether
-- every answer it holds is still current, instead of one read of each terminal's enrolment.
-- The token is random rather than a count, so that it can never come back to a value an
-- answer was read under (a count could, after a failover that lost its last commits).
-- A later migration that rebuilds terminal_enrolments (as 0011 did) drops these triggers with
-- the old table and must create them again.
CREATE TABLE terminal_enrolments_token (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token TEXT NOT NULL);
INSERT INTO terminal_enrolments_token (id, token) VALUES (1, lower(hex(randomblob(16))));
CREATE TRIGGER terminal_enrolments_token_insert AFTER INSERT ON terminal_enrolments
BEGIN
  UPDATE terminal_enrolments_token SET token = lower(hex(randomblob(16))) WHERE id = 1;
END;
CREATE TRIGGER terminal_enrolments_token_update AFTER UPDATE ON terminal_enrolments
BEGIN
  UPDATE terminal_enrolments_token SET token = lower(hex(randomblob(16))) WHERE id = 1;
END;
CREATE TRIGGER terminal_enrolments_token_delete AFTER DELETE ON terminal_enrolments
BEGIN
  UPDATE terminal_enrolments_token SET token = lower(hex(randomblob(16))) WHERE id = 1;
END;
