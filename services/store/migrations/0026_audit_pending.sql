-- PostgreSQL: a write's audit event goes here, in the write's own transaction, instead of
-- being chained there and then: chaining locks the chain's head row (audit_head), which every
-- write would then hold until its commit was flushed, so writes from every connection and
-- replica queued behind one another (tests/bench/backoffice_bench.cpp: 0.13× a raw
-- single-insert loop). The back office's chainer moves pending events into audit_events in
-- batches, in (at, id) order, one head lock per batch (services/backoffice/rpc/
-- audit_chainer.hpp). SQLite's one writer chains in the transaction and leaves this empty.
CREATE TABLE audit_pending (
  id TEXT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, terminal_id TEXT NOT NULL,
  event_type TEXT NOT NULL, masked_subject TEXT NOT NULL, subject_digest TEXT NOT NULL,
  outcome TEXT NOT NULL, request_id TEXT NOT NULL, region TEXT NOT NULL,
  repeats BIGINT NOT NULL);
CREATE INDEX audit_pending_in_order ON audit_pending(at, id);
