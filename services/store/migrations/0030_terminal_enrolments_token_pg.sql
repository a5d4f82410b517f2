-- only: postgresql
-- Migration 0029 on PostgreSQL: the token that changes with every statement that changes
-- terminal_enrolments, for the terminal gate. The token's row is locked by each such statement
-- until its transaction ends; enrolments change rarely (registration, renewal, revocation).
CREATE TABLE terminal_enrolments_token (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token TEXT NOT NULL);
INSERT INTO terminal_enrolments_token (id, token) VALUES (1, gen_random_uuid()::text);
CREATE FUNCTION terminal_enrolments_token_renew() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE terminal_enrolments_token SET token = gen_random_uuid()::text WHERE id = 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER terminal_enrolments_token_renew
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON terminal_enrolments
  FOR EACH STATEMENT EXECUTE FUNCTION terminal_enrolments_token_renew();
