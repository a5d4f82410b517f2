-- Images for display notices (ContentService.PutMedia), one row per distinct content: the
-- SHA-256 is the key, so the same image uploaded twice is stored once. Bytes as lower-case hex
-- (store.hpp: text only on both backends); an image is at most 3 MiB.
CREATE TABLE media (
  sha256 TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  data_hex TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL);
