-- Heartbeats report the queued reports a terminal keeps for staff (refused for good or too old
-- to send), so `renshe-admin fleet` shows which terminals need someone to look.
ALTER TABLE terminal_status ADD COLUMN outbox_needs_staff BIGINT NOT NULL DEFAULT 0;
