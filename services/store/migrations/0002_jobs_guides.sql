-- Job postings (就业信息) with a character n-gram index for Chinese keyword search, and the
-- service guide catalogue (办事指南) with its version.

CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  employer TEXT NOT NULL,
  category TEXT NOT NULL,
  region TEXT NOT NULL,                 -- full region code, 6/9/12 digits
  salary_min BIGINT,                    -- fen per month; NULL = 面议
  salary_max BIGINT,                    -- fen per month; NULL = no upper bound given
  posted_at BIGINT NOT NULL,            -- microseconds
  expires_at BIGINT NOT NULL,
  withdrawn BIGINT NOT NULL DEFAULT 0,
  search_text TEXT NOT NULL,            -- lower-cased title/employer/category/requirements
  record TEXT NOT NULL,                 -- hex of the serialized renshe.v1.Job
  updated_at BIGINT NOT NULL);
CREATE INDEX jobs_by_posted ON jobs(posted_at, id);
CREATE INDEX jobs_by_region ON jobs(region);

-- Every distinct character (unigram) and pair of adjacent characters (bigram) of a posting's
-- search text: a one-character keyword is one lookup, a longer one the intersection of its
-- bigrams, confirmed by a substring match.
CREATE TABLE job_terms (
  term TEXT NOT NULL,
  job_id TEXT NOT NULL,
  PRIMARY KEY (term, job_id));
CREATE INDEX job_terms_by_job ON job_terms(job_id);

CREATE TABLE guides (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  language BIGINT NOT NULL,
  version BIGINT NOT NULL,              -- the catalogue version that last changed it
  withdrawn BIGINT NOT NULL DEFAULT 0,
  record TEXT NOT NULL,                 -- hex of the serialized renshe.v1.Guide
  updated_at BIGINT NOT NULL);

CREATE TABLE guide_catalogue (id BIGINT PRIMARY KEY, version BIGINT NOT NULL);
INSERT INTO guide_catalogue (id, version) VALUES (1, 0);
