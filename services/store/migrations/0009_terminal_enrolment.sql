-- Terminals enrolled by EnrollTerminal: which key each terminal id was certified with (the key
-- itself stays on the terminal), for which role and service point, until when.
CREATE TABLE terminal_enrolments (
  terminal_id TEXT PRIMARY KEY,
  role BIGINT NOT NULL,                 -- renshe.v1.TerminalRole
  service_point_id TEXT NOT NULL REFERENCES service_points(id),
  region TEXT NOT NULL,                 -- the service point's, written into the certificate
  public_key_sha256 TEXT NOT NULL,      -- hex SHA-256 of the DER SubjectPublicKeyInfo
  certificate_pem TEXT NOT NULL,
  not_after BIGINT NOT NULL,            -- microseconds
  enrolled_at BIGINT NOT NULL,
  enrolled_by TEXT NOT NULL);
