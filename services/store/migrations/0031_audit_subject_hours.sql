-- only: sqlite
-- Which hours each subject has audit events in, in place of an index of every event by subject.
-- A subject's digest is random, so the index put each new event on a page of its own: a group
-- commit of ~22 PIN changes wrote ~20 of that index's pages to the WAL, and the checkpointer
-- copied them again (a raw loop of the write's statements: 16 us a write without the index,
-- 28-44 us with it; deploy/PROVINCE-SCALE.md, stop 62). An hour's row is written by
-- a subject's first event in that hour only; the events after it (a visit's several, a retry)
-- find the row on a page already read and write nothing more.
-- A query by subject (AdminService.QueryAudit) reads the subject's hours, and each hour's
-- events through audit_by_time. PostgreSQL keeps its index: its events are inserted by the
-- chainer, off the write's path, and a province's hour holds too many events to read through.
-- A later migration that rebuilds audit_events drops the trigger with the old table and must
-- create it again.
CREATE TABLE audit_subject_hours (
  subject_digest TEXT NOT NULL,
  hour BIGINT NOT NULL,  -- at / 3600000000 (microseconds since the epoch)
  PRIMARY KEY (subject_digest, hour)) WITHOUT ROWID;
INSERT INTO audit_subject_hours (subject_digest, hour)
  SELECT DISTINCT subject_digest, at / 3600000000 FROM audit_events WHERE subject_digest <> '';
CREATE TRIGGER audit_subject_hours_insert AFTER INSERT ON audit_events
  WHEN NEW.subject_digest <> ''
  BEGIN
    INSERT OR IGNORE INTO audit_subject_hours (subject_digest, hour)
      VALUES (NEW.subject_digest, NEW.at / 3600000000);
  END;
DROP INDEX audit_by_subject;
