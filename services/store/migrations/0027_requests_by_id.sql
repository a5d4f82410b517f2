-- only: sqlite
-- The record of requests (one row a mutation, for idempotent replies) is keyed request id
-- first, then caller: a kiosk's request ids are UUIDv7 (services/client/call.hpp), time first,
-- so a group commit's new keys land on the last page or two of the key's b-tree instead of one
-- random page each. Keyed caller first, that b-tree was 22 of the 59 pages a group of ~22 PIN
-- changes wrote to the WAL (bench.backoffice). Lookups name both columns, as before. SQLite
-- cannot change a table's key in place: the table is copied (it holds only the requests of the
-- last 31 days: the back office forgets older ones).
CREATE TABLE requests_by_id (
  caller TEXT NOT NULL, request_id TEXT NOT NULL, method TEXT NOT NULL, body_hash TEXT NOT NULL,
  status_code BIGINT NOT NULL, refusal BIGINT NOT NULL, message TEXT NOT NULL,
  response TEXT NOT NULL,              -- hex of the serialized response message
  created_at BIGINT NOT NULL, PRIMARY KEY (request_id, caller));
INSERT INTO requests_by_id (caller, request_id, method, body_hash, status_code, refusal, message,
                            response, created_at)
  SELECT caller, request_id, method, body_hash, status_code, refusal, message, response, created_at
  FROM requests;
DROP TABLE requests;
ALTER TABLE requests_by_id RENAME TO requests;
CREATE INDEX requests_by_age ON requests(created_at);
