-- The timeline is the source of truth for every service metric: it only ever grows.
CREATE FUNCTION request_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'request_events is append-only (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER request_events_append_only
  BEFORE UPDATE OR DELETE ON request_events
  FOR EACH ROW EXECUTE FUNCTION request_events_refuse_change();
--> statement-breakpoint
ALTER TABLE requests ADD CONSTRAINT requests_status_known
  CHECK (status IN ('new', 'acknowledged', 'in_progress', 'waiting_on_requester', 'resolved', 'closed'));
--> statement-breakpoint
ALTER TABLE requests ADD CONSTRAINT requests_priority_known
  CHECK (priority IN ('low', 'normal', 'high', 'urgent'));
--> statement-breakpoint
ALTER TABLE request_events ADD CONSTRAINT request_events_visibility_known
  CHECK (visibility IN ('public', 'internal'));
--> statement-breakpoint
-- Request numbers come from one sequence per team. A counter row stayed locked until its
-- creator's COMMIT, WAL flush included, so every create of a team queued behind the previous
-- one; nextval never waits for another transaction. The price: a create that fails after
-- nextval skips its number (keys stay unique, they may have gaps). See decision 0006.
CREATE FUNCTION request_number_sequence(team_id uuid) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT 'request_numbers_' || replace(team_id::text, '-', '') $$;
--> statement-breakpoint
-- A trigger, not application code, so every way a team comes into being (admin API, CSV import,
-- demo seeder, a test factory's bare INSERT, psql) gets its sequence and registers its prefix.
-- A key prefix belongs forever to the first team that used it: numbers of a renamed team continue
-- from the same sequence, and keys with its old prefix (IT-42, even handed off to HR) still exist,
-- so another team starting its own numbers under that prefix would collide with them.
CREATE FUNCTION teams_number_requests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I AS integer', request_number_sequence(NEW.id));
  END IF;
  INSERT INTO request_key_prefixes (key_prefix, team_id) VALUES (NEW.key_prefix, NEW.id)
    ON CONFLICT (key_prefix) DO NOTHING;
  IF NOT FOUND AND NOT EXISTS (
    SELECT 1 FROM request_key_prefixes WHERE key_prefix = NEW.key_prefix AND team_id = NEW.id
  ) THEN
    RAISE EXCEPTION 'key prefix % belongs to another team', NEW.key_prefix
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'request_key_prefixes_pkey';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER teams_number_requests
  AFTER INSERT OR UPDATE OF key_prefix ON teams
  FOR EACH ROW EXECUTE FUNCTION teams_number_requests();
--> statement-breakpoint
-- BEFORE, so the team's prefixes are still attributed to it (the foreign key's ON DELETE SET NULL
-- runs after). A prefix no request key carries is free again; one still carried (a request handed
-- off to a team that remains) stays reserved. The scan of requests is fine: teams are rarely deleted.
CREATE FUNCTION teams_stop_numbering_requests() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM request_key_prefixes p
    WHERE p.team_id = OLD.id
      AND NOT EXISTS (SELECT 1 FROM requests r WHERE left(r.key, length(p.key_prefix) + 1) = p.key_prefix || '-');
  EXECUTE format('DROP SEQUENCE IF EXISTS %I', request_number_sequence(OLD.id));
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER teams_stop_numbering_requests
  BEFORE DELETE ON teams
  FOR EACH ROW EXECUTE FUNCTION teams_stop_numbering_requests();
