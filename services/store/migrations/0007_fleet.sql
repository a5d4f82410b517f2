-- The terminal fleet: service points (人社所/服务站) with their declared facility class, the
-- equipment registered to them, and the latest status each terminal reported by heartbeat
-- (one row per terminal, overwritten in place: no history, no audit event per heartbeat).
CREATE TABLE service_points (
  id TEXT PRIMARY KEY,                 -- server-assigned, "SP-<region>-<hex>"
  name TEXT NOT NULL,
  region TEXT NOT NULL,                -- full region code, 6/9/12 digits
  facility_class BIGINT NOT NULL,      -- renshe.v1.FacilityClass as declared
  display_area_cm2 BIGINT NOT NULL,    -- declared information display area, in cm² (1 m² = 10000)
  address TEXT NOT NULL,
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL);
CREATE INDEX service_points_by_region ON service_points(region, id);
CREATE TABLE equipment (
  id TEXT PRIMARY KEY,                 -- asset number (given or server-assigned "EQ-<hex>")
  service_point_id TEXT NOT NULL REFERENCES service_points(id),
  kind BIGINT NOT NULL,                -- renshe.v1.EquipmentKind
  terminal_id TEXT NOT NULL,           -- the terminal it is attached to; '' = none
  model TEXT NOT NULL, serial_number TEXT NOT NULL,
  registered_at BIGINT NOT NULL, registered_by TEXT NOT NULL);
CREATE INDEX equipment_by_service_point ON equipment(service_point_id);
CREATE INDEX equipment_by_terminal ON equipment(terminal_id);
CREATE TABLE terminal_status (
  terminal_id TEXT PRIMARY KEY,        -- from the terminal's certificate
  role BIGINT NOT NULL,                -- renshe.v1.TerminalRole of the certificate
  region TEXT NOT NULL,                -- region code of the certificate
  software_version TEXT NOT NULL,
  card_reader BIGINT NOT NULL, card_present BIGINT NOT NULL, fingerprint_sensor BIGINT NOT NULL,
  printer BIGINT NOT NULL, display BIGINT NOT NULL,   -- DevicePresence / PrinterState / DisplayState
  card_reader_count BIGINT NOT NULL,
  fingerprint_driver TEXT NOT NULL, fingerprint_device TEXT NOT NULL,
  content_revision BIGINT NOT NULL, uptime_seconds BIGINT NOT NULL, pending_outbox BIGINT NOT NULL,
  sent_at BIGINT,                      -- terminal clock of the last applied heartbeat; NULL if not sent
  last_seen BIGINT NOT NULL,           -- server clock of the last applied heartbeat
  first_seen BIGINT NOT NULL);
CREATE INDEX terminal_status_by_region ON terminal_status(region, terminal_id);
CREATE INDEX terminal_status_by_last_seen ON terminal_status(last_seen);
