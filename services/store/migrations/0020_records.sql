-- 参保信息 of the embedded records provider (records/): contributions and benefit payments by
-- month, loaded by import. A person's history is one range read of the primary key
-- (ssn, month, …): a county's 100,000 persons × 15 years × 12 months × several types is tens
-- of millions of rows, of which a query touches at most a few hundred.
CREATE TABLE record_contributions (
  ssn TEXT NOT NULL,
  month BIGINT NOT NULL,           -- YYYYMM
  insurance_type BIGINT NOT NULL,  -- renshe.v1.InsuranceType
  base_fen BIGINT NOT NULL,
  personal_fen BIGINT NOT NULL,
  employer_fen BIGINT NOT NULL,
  paid BIGINT NOT NULL,            -- 1 paid, 0 owed (欠缴)
  payer TEXT NOT NULL,
  PRIMARY KEY (ssn, month, insurance_type));

CREATE TABLE record_payments (
  ssn TEXT NOT NULL,
  month BIGINT NOT NULL,           -- YYYYMM the payment is for
  kind BIGINT NOT NULL,            -- renshe.v1.BenefitKind
  amount_fen BIGINT NOT NULL,
  account_last4 TEXT NOT NULL,     -- the account's last 4 digits; the rest is never stored
  paid_on BIGINT NOT NULL,         -- YYYYMMDD
  PRIMARY KEY (ssn, month, kind));

-- An import in progress: its rows wait here until the commit applies them all at once.
CREATE TABLE record_imports (
  id TEXT PRIMARY KEY,
  kind BIGINT NOT NULL,            -- renshe.v1.RecordsFileKind
  file_sha256 TEXT NOT NULL,       -- hex
  caller TEXT NOT NULL,            -- the staff member who began it
  next_line BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  committed_at BIGINT);            -- NULL while open
CREATE INDEX record_imports_by_file ON record_imports(caller, kind, file_sha256);

-- One accepted row; (ssn, month, key) unique within an import: a file holding the same month
-- twice is refused at its second line. key = insurance type or benefit kind.
CREATE TABLE record_import_rows (
  import_id TEXT NOT NULL,
  line BIGINT NOT NULL,
  ssn TEXT NOT NULL,
  month BIGINT NOT NULL,
  key BIGINT NOT NULL,
  a BIGINT NOT NULL,               -- contributions: base; payments: amount
  b BIGINT NOT NULL,               -- contributions: personal; payments: paid_on
  c BIGINT NOT NULL,               -- contributions: employer; payments: 0
  paid BIGINT NOT NULL,            -- contributions: 1 paid / 0 owed; payments: 1
  text_value TEXT NOT NULL,        -- contributions: payer; payments: account_last4
  PRIMARY KEY (import_id, ssn, month, key));
CREATE INDEX record_import_rows_by_line ON record_import_rows(import_id, line);

-- One refused row of an import, with why.
CREATE TABLE record_import_errors (
  import_id TEXT NOT NULL,
  line BIGINT NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (import_id, line));
