-- only: postgresql
-- A province's contributions (tens of millions of rows: a person × 12 months × 30 years)
-- partitioned by the year of their month on PostgreSQL: old years can be detached, archived
-- or moved to other storage whole, and a year's import or vacuum touches one partition. The
-- key stays (ssn, month, insurance_type) within each partition, so a person's history is one
-- index range read per year. SQLite (a county) keeps the one table of migration 0020.
ALTER TABLE record_contributions RENAME TO record_contributions_unpartitioned;
CREATE TABLE record_contributions (
  ssn TEXT NOT NULL,
  month BIGINT NOT NULL,
  insurance_type BIGINT NOT NULL,
  base_fen BIGINT NOT NULL,
  personal_fen BIGINT NOT NULL,
  employer_fen BIGINT NOT NULL,
  paid BIGINT NOT NULL,
  payer TEXT NOT NULL,
  PRIMARY KEY (ssn, month, insurance_type)) PARTITION BY RANGE (month);
-- 1951 (the first contributions, records/record_rows.hpp) to 2060; later months in the default
-- partition until the next migration adds their years.
DO $$
BEGIN
  FOR y IN 1951..2060 LOOP
    EXECUTE format('CREATE TABLE record_contributions_%s PARTITION OF record_contributions '
                   'FOR VALUES FROM (%s) TO (%s)', y, y * 100 + 1, (y + 1) * 100 + 1);
  END LOOP;
END $$;
CREATE TABLE record_contributions_later PARTITION OF record_contributions DEFAULT;
INSERT INTO record_contributions SELECT * FROM record_contributions_unpartitioned;
DROP TABLE record_contributions_unpartitioned;
