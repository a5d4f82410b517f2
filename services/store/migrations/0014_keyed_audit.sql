-- The audit chain is keyed from here on: each new event's hash is an HMAC under the keystore's
-- audit key (keyed = 1). Events written before keep their plain SHA-256 (keyed = 0) and may
-- not follow a keyed one.
ALTER TABLE audit_events ADD COLUMN keyed BIGINT NOT NULL DEFAULT 0;
