-- Certificate renewal with a new key (TerminalService.RenewCertificate): the new key waits
-- here until the terminal first calls with it, then becomes public_key_sha256 and the old key
-- stops working. Until then the old key still works, so a terminal that crashed before saving
-- its new certificate can ask again.
ALTER TABLE terminal_enrolments ADD COLUMN next_public_key_sha256 TEXT;
ALTER TABLE terminal_enrolments ADD COLUMN next_certificate_pem TEXT;
ALTER TABLE terminal_enrolments ADD COLUMN next_not_after BIGINT;
