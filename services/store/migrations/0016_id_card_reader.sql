-- Heartbeats report the resident ID card reader (身份证阅读器): whether its SAM module answers,
-- and the SAM's id, so the fleet view and the facility check can see it.
ALTER TABLE terminal_status ADD COLUMN id_card_reader BIGINT NOT NULL DEFAULT 0;
ALTER TABLE terminal_status ADD COLUMN id_card_sam_id TEXT NOT NULL DEFAULT '';
