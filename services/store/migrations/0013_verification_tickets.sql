-- A scan result is recorded only with the ticket of a template fetch: issued by
-- GetTemplatesForVerify, bound to the terminal, the person (keyed digest) and the purpose, for
-- 5 minutes and one session (at most 3 results, ended by the first match). Only the ticket's
-- SHA-256 is kept. Expired tickets are swept after a day.
CREATE TABLE verification_tickets (
  ticket_sha256 TEXT PRIMARY KEY,
  terminal TEXT NOT NULL,               -- caller key, "touch:T-…"
  subject_digest TEXT NOT NULL,
  purpose BIGINT NOT NULL,              -- renshe.v1.VerificationPurpose
  issued_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  results BIGINT NOT NULL DEFAULT 0,
  closed_at BIGINT);
CREATE INDEX verification_tickets_by_expiry ON verification_tickets(expires_at);
