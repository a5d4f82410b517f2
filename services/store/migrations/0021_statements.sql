-- 证明 (records/statements.hpp): every statement the back office signed, as signed, so that a
-- number and check code can be verified and a statement withdrawn. The holder is kept as the
-- keyed digest of the ID number (the audit's subject digest), never the number itself.
CREATE TABLE record_statements (
  number TEXT PRIMARY KEY,          -- 18 digits: YYYYMMDD + 10 random
  check_code TEXT NOT NULL,         -- 8 characters, from the signature
  kind BIGINT NOT NULL,             -- renshe.v1.StatementKind
  subject_digest TEXT NOT NULL,     -- HMAC of the holder's ID number (Keystore::subjectDigest)
  region TEXT NOT NULL,             -- the holder's region: who may withdraw it
  issued_at BIGINT NOT NULL,        -- microseconds
  content_hex TEXT NOT NULL,        -- the serialized StatementContent that was signed
  signature_hex TEXT NOT NULL,      -- Ed25519, 64 bytes
  withdrawn_at BIGINT,              -- NULL while valid
  withdraw_reason TEXT,
  withdrawn_by TEXT);
CREATE INDEX record_statements_by_subject ON record_statements(subject_digest, issued_at);
