-- Pension eligibility certification (养老金领取资格认证): fingerprint templates enrolled face to
-- face, encrypted at rest; every scan a terminal reports; the certifications themselves. The
-- certification state (certified, due, overdue → pension suspended) is derived from these rows
-- and persons.pension_first_payment when read, so nothing has to run on a timer.
CREATE TABLE fingerprint_templates (
  ssn TEXT NOT NULL REFERENCES persons(ssn),
  finger BIGINT NOT NULL,              -- renshe.v1.Finger
  driver TEXT NOT NULL,                -- libfprint driver id of the enrolling sensor
  device_id TEXT NOT NULL,             -- libfprint device id of the enrolling sensor
  scheme TEXT NOT NULL,                -- 'aes-256-gcm/1': key = keystore template-key
  sealed TEXT NOT NULL,                -- hex of nonce (12 B) || ciphertext || tag (16 B); the
                                       -- associated data binds ssn, finger, driver and device id
  enrolled_at BIGINT NOT NULL, enrolled_by TEXT NOT NULL,
  PRIMARY KEY (ssn, finger));
CREATE TABLE fingerprint_verifications (
  id TEXT PRIMARY KEY,                 -- random; handed out as the verification id of a factor match
  ssn TEXT NOT NULL REFERENCES persons(ssn),
  terminal TEXT NOT NULL,              -- caller key of the reporting terminal ("touch:T-…")
  request_id TEXT NOT NULL,
  purpose BIGINT NOT NULL,             -- renshe.v1.VerificationPurpose
  matched BIGINT NOT NULL, finger BIGINT NOT NULL, attempt BIGINT NOT NULL,
  driver TEXT NOT NULL, device_id TEXT NOT NULL,   -- the scanning sensor
  scan_started_at BIGINT, scanned_at BIGINT,       -- terminal clock, as reported
  recorded_at BIGINT NOT NULL,         -- server clock
  usable_until BIGINT,                 -- LOSS_REPORT / PIN_RESET matches: second factor until then
  used_at BIGINT);                     -- spent as a second factor
CREATE INDEX fingerprint_verifications_by_ssn ON fingerprint_verifications(ssn, recorded_at);
CREATE INDEX fingerprint_verifications_by_terminal ON fingerprint_verifications(terminal, recorded_at);
CREATE TABLE certifications (
  verification_id TEXT PRIMARY KEY,    -- the matched scan that certified
  ssn TEXT NOT NULL REFERENCES persons(ssn),
  certified_at BIGINT NOT NULL,
  terminal TEXT NOT NULL,
  previous_deadline BIGINT NOT NULL,   -- the end of the cycle this certification closed
  resumed BIGINT NOT NULL,             -- 1: the pension was SUSPENDED (overdue) and is ACTIVE again
  suspended_since BIGINT);             -- when resumed: start of the suspension (back pay from then)
CREATE INDEX certifications_by_ssn ON certifications(ssn, certified_at);
