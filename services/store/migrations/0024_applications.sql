-- Applications made at the terminals and worked by staff (applications.proto): one row each,
-- its typed payload serialized, its history in application_events; appointment places per
-- service point, service, day and half day; the province's working-day calendar; 好差评
-- ratings (anonymous) and the help requests of the hall's terminals.
CREATE TABLE applications (
  number TEXT PRIMARY KEY,            -- 14 digits: YYYYMMDD (China) + 6 random
  kind BIGINT NOT NULL,               -- renshe.v1.ApplicationKind
  state BIGINT NOT NULL,              -- renshe.v1.ApplicationState
  applicant_ssn TEXT,                 -- NULL for a rating's follow-up
  beneficiary_ssn TEXT,               -- the relative a home visit is for, else NULL
  region TEXT NOT NULL,               -- the person's region (the terminal's for a follow-up)
  service_point_id TEXT NOT NULL,     -- where it was made; '' at the counter
  terminal_id TEXT NOT NULL,          -- '' at the counter
  phone TEXT NOT NULL,                -- '' when none was given
  payload_hex TEXT NOT NULL,          -- serialized renshe.v1.ApplicationPayload
  summary TEXT NOT NULL,
  submitted_at BIGINT NOT NULL,       -- microseconds
  due_day BIGINT NOT NULL,            -- YYYYMMDD, China calendar
  reason TEXT NOT NULL,               -- the last decision's reason ('' before any)
  claimed_by TEXT NOT NULL,           -- staff id; '' = nobody
  updated_at BIGINT NOT NULL);
CREATE INDEX applications_queue ON applications(state, due_day, number);
CREATE INDEX applications_by_region ON applications(region, due_day);
CREATE INDEX applications_by_applicant ON applications(applicant_ssn);
CREATE TABLE application_events (
  number TEXT NOT NULL REFERENCES applications(number),
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,                -- terminal id or staff id
  action TEXT NOT NULL,               -- submitted, claimed, accepted, ... note
  state BIGINT NOT NULL,              -- the state after it
  text TEXT NOT NULL,
  PRIMARY KEY (number, seq));
CREATE TABLE appointment_slots (
  service_point_id TEXT NOT NULL REFERENCES service_points(id),
  service BIGINT NOT NULL,            -- renshe.v1.AppointmentService
  day BIGINT NOT NULL,                -- YYYYMMDD
  half_day BIGINT NOT NULL,           -- renshe.v1.HalfDay
  capacity BIGINT NOT NULL,
  booked BIGINT NOT NULL,             -- places taken; never above capacity
  PRIMARY KEY (service_point_id, service, day, half_day));
CREATE TABLE calendar_days (
  day BIGINT PRIMARY KEY,             -- YYYYMMDD
  kind BIGINT NOT NULL,               -- renshe.v1.DayKind: 1 a weekday off, 2 a weekend day worked
  name TEXT NOT NULL,
  updated_at BIGINT NOT NULL, updated_by TEXT NOT NULL);
CREATE TABLE ratings (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  service_point_id TEXT NOT NULL,     -- '' for a terminal of no service point
  region TEXT NOT NULL,
  service BIGINT NOT NULL,            -- renshe.v1.RatedService
  level BIGINT NOT NULL,              -- renshe.v1.RatingLevel, 1..5
  reasons TEXT NOT NULL,              -- PoorRatingReason numbers, comma-separated
  month BIGINT NOT NULL,              -- YYYYMM, China time
  at BIGINT NOT NULL,
  follow_up_number TEXT NOT NULL);    -- '' unless the rating was poor
CREATE INDEX ratings_by_month ON ratings(month, region);
CREATE TABLE help_requests (
  id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  service_point_id TEXT NOT NULL,
  region TEXT NOT NULL,
  screen TEXT NOT NULL,
  raised_at BIGINT NOT NULL,
  open BIGINT,                        -- 1 while open, NULL once answered (one open per terminal)
  answered_at BIGINT,
  answered_by TEXT NOT NULL);
CREATE UNIQUE INDEX help_requests_one_open ON help_requests(terminal_id, open);
CREATE INDEX help_requests_by_region ON help_requests(region, raised_at);
