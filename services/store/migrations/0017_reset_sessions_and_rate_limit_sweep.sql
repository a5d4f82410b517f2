-- How many cryptograms a PIN reset session has handed out: a result may still be reported
-- after the session's expiry (the kiosk's outbox may deliver it late) only when a cryptogram
-- was issued, that is, when the card may have changed.
ALTER TABLE pin_reset_sessions ADD COLUMN cryptograms_issued BIGINT NOT NULL DEFAULT 0;

-- The sweep deletes rate-limit buckets whose window has passed.
CREATE INDEX rate_limits_by_window ON rate_limits(window_start);
