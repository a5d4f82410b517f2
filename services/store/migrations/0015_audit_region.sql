-- Audit events carry the region they concern (the subject's, else the caller's), so a clerk's
-- QueryAudit returns only their own region's events. Part of a keyed event's hash.
ALTER TABLE audit_events ADD COLUMN region TEXT NOT NULL DEFAULT '';
