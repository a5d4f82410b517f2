-- only: postgresql
-- Migration 0027 on PostgreSQL: the record of requests keyed request id first (UUIDv7, time
-- first), so new keys go to the index's last pages rather than each to a random one.
ALTER TABLE requests DROP CONSTRAINT requests_pkey, ADD PRIMARY KEY (request_id, caller);
