-- A terminal's identity is its certificate AND its enrolment: the back office refuses a
-- terminal certificate whose key is not the one enrolled for its id, or whose enrolment was
-- revoked. Certificates issued outside EnrollTerminal are registered without a service point
-- (RegisterTerminals), so the service point becomes optional.
CREATE TABLE terminal_enrolments_v2 (
  terminal_id TEXT PRIMARY KEY,
  role BIGINT NOT NULL,                 -- renshe.v1.TerminalRole
  service_point_id TEXT REFERENCES service_points(id),  -- NULL: registered without one
  region TEXT NOT NULL,                 -- the certificate's region
  public_key_sha256 TEXT NOT NULL,      -- hex SHA-256 of the DER SubjectPublicKeyInfo
  certificate_pem TEXT NOT NULL,
  not_after BIGINT NOT NULL,            -- microseconds
  enrolled_at BIGINT NOT NULL,
  enrolled_by TEXT NOT NULL,
  revoked_at BIGINT,                    -- NULL: not revoked
  revoked_by TEXT,
  revoke_reason TEXT);
INSERT INTO terminal_enrolments_v2 (terminal_id, role, service_point_id, region,
  public_key_sha256, certificate_pem, not_after, enrolled_at, enrolled_by)
  SELECT terminal_id, role, service_point_id, region, public_key_sha256, certificate_pem,
         not_after, enrolled_at, enrolled_by FROM terminal_enrolments;
DROP TABLE terminal_enrolments;
ALTER TABLE terminal_enrolments_v2 RENAME TO terminal_enrolments;
CREATE INDEX terminal_enrolments_by_region ON terminal_enrolments(region, terminal_id);
-- Every key ever revoked: a revoked terminal id may be enrolled again with a new key (a
-- replacement machine), the revoked key never again.
CREATE TABLE revoked_terminal_keys (
  public_key_sha256 TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  revoked_at BIGINT NOT NULL);
