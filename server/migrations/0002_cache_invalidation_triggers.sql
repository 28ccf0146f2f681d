-- App processes keep actors (who a token or session belongs to) and teams in memory (decision 0005).
-- Triggers, not application code, announce that what they hold changed, so no code path, import or
-- admin at a psql prompt can forget to. The payload names what changed; NOTIFY is delivered at
-- COMMIT, and only if the transaction commits.
--
-- Statement-level with transition tables: a bulk import sends one notification, and a statement
-- that touched no row (signing in deletes the person's expired sessions, usually none) or only
-- bookkeeping columns (an API token's last_used_at) sends none, so hot paths do not flush caches.
-- TG_ARGV[0] is the topic; TG_ARGV[1], for UPDATE, the columns whose change matters ('*': any).
CREATE FUNCTION hallway_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed boolean;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    changed := true;
  ELSIF TG_OP = 'UPDATE' THEN
    -- EXCEPT compares NULLs as equal and also catches a changed key.
    EXECUTE format('SELECT EXISTS (SELECT %1$s FROM old_rows EXCEPT SELECT %1$s FROM new_rows)', TG_ARGV[1]) INTO changed;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM old_rows)' INTO changed;
  ELSE
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM new_rows)' INTO changed;
  END IF;
  IF changed THEN
    PERFORM pg_notify('hallway_changes', TG_ARGV[0]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A trigger with transition tables may have only one event, hence one trigger per event.
CREATE TRIGGER api_tokens_notify_update AFTER UPDATE ON api_tokens
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials', 'id, person_id, token_hash, revoked_at');
--> statement-breakpoint
CREATE TRIGGER api_tokens_notify_delete AFTER DELETE ON api_tokens
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials');
--> statement-breakpoint
CREATE TRIGGER sessions_notify_update AFTER UPDATE ON sessions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials', '*');
--> statement-breakpoint
CREATE TRIGGER sessions_notify_delete AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials');
--> statement-breakpoint
CREATE TRIGGER people_notify_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials', 'id, email, name, is_admin, active');
--> statement-breakpoint
CREATE TRIGGER people_notify_delete AFTER DELETE ON people
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials');
--> statement-breakpoint
CREATE TRIGGER team_memberships_notify_insert AFTER INSERT ON team_memberships
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials');
--> statement-breakpoint
CREATE TRIGGER team_memberships_notify_update AFTER UPDATE ON team_memberships
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials', '*');
--> statement-breakpoint
CREATE TRIGGER team_memberships_notify_delete AFTER DELETE ON team_memberships
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials');
--> statement-breakpoint
CREATE TRIGGER teams_notify_update AFTER UPDATE ON teams
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('teams', '*');
--> statement-breakpoint
CREATE TRIGGER teams_notify_delete AFTER DELETE ON teams
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('teams');
--> statement-breakpoint
-- TRUNCATE has no transition tables and skips DELETE triggers: say so unconditionally.
CREATE TRIGGER api_tokens_notify_truncate AFTER TRUNCATE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials');
--> statement-breakpoint
CREATE TRIGGER sessions_notify_truncate AFTER TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials');
--> statement-breakpoint
CREATE TRIGGER people_notify_truncate AFTER TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials');
--> statement-breakpoint
CREATE TRIGGER team_memberships_notify_truncate AFTER TRUNCATE ON team_memberships
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('credentials');
--> statement-breakpoint
CREATE TRIGGER teams_notify_truncate AFTER TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('teams');
