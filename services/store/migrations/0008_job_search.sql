-- Keyword search on postings, ordered for the question a terminal asks: "the newest postings
-- in my township (or county) whose text holds this word". Each (term, region, posted_at) key
-- lets a search read only the matching postings of the region, newest first, instead of
-- intersecting every posting that holds the term in the whole province.
CREATE TABLE job_search (
  term TEXT NOT NULL,         -- a character or a pair of adjacent characters of search_text
  region TEXT NOT NULL,       -- jobs.region
  posted_at BIGINT NOT NULL,  -- jobs.posted_at
  job_id TEXT NOT NULL,
  PRIMARY KEY (term, region, posted_at, job_id));
INSERT INTO job_search (term, region, posted_at, job_id)
  SELECT t.term, j.region, j.posted_at, j.id FROM job_terms t JOIN jobs j ON j.id = t.job_id;
DROP TABLE job_terms;

-- Searches without a keyword: the postings of a region, newest first.
DROP INDEX jobs_by_region;
CREATE INDEX jobs_by_region_posted ON jobs(region, posted_at, id);
