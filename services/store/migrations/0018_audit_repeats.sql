-- Refusals that name no person (malformed requests, wrong roles) are audited in aggregate:
-- one event per caller, event type and reason for each sweep round, with how many there were.
ALTER TABLE audit_events ADD COLUMN repeats BIGINT NOT NULL DEFAULT 1;
