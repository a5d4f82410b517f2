-- The last hour's certifications per terminal, read at every metrics scrape (the fraud
-- signal): a range on the time, not a scan of every certification ever made.
CREATE INDEX certifications_by_time ON certifications(certified_at);
