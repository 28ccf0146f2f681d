ALTER TABLE "people" ADD COLUMN "recognition" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "warn_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "requests_team_due_idx" ON "requests" USING btree ("team_id","due_at","id");--> statement-breakpoint
CREATE INDEX "requests_team_warn_idx" ON "requests" USING btree ("team_id","warn_at") WHERE "requests"."warn_at" is not null;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_recognition" CHECK ("people"."recognition" in ('public', 'private'));--> statement-breakpoint
-- Queues sort by the earliest due instant of a request's running SLA clocks and find the requests
-- past their warning share. Both are kept here, not by application code, so no path that moves a
-- clock (a change, a timer firing, an import) can leave the queue order stale. Row-level: a filing
-- starts two clocks, and the UPDATE below is skipped when nothing it keeps has changed. The request
-- row is already locked by whoever moves its clocks (they lock the request first, then the clock).
CREATE FUNCTION requests_keep_due_times() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.request_id ELSE NEW.request_id END;
BEGIN
  UPDATE requests AS r
     SET due_at = running.due_at, warn_at = running.warn_at
    FROM (SELECT min(c.due_at) AS due_at, min(c.warn_at) AS warn_at
            FROM request_sla_clocks AS c
           WHERE c.request_id = target AND c.stopped_at IS NULL) AS running
   WHERE r.id = target
     AND (r.due_at IS DISTINCT FROM running.due_at OR r.warn_at IS DISTINCT FROM running.warn_at);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER request_sla_clocks_keep_due_times
  AFTER INSERT OR DELETE OR UPDATE OF due_at, warn_at, stopped_at ON request_sla_clocks
  FOR EACH ROW EXECUTE FUNCTION requests_keep_due_times();
--> statement-breakpoint
UPDATE requests AS r
   SET due_at = running.due_at, warn_at = running.warn_at
  FROM (SELECT request_id, min(due_at) AS due_at, min(warn_at) AS warn_at
          FROM request_sla_clocks WHERE stopped_at IS NULL GROUP BY request_id) AS running
 WHERE r.id = running.request_id;
--> statement-breakpoint
-- Live updates (decision 0014): every statement that adds to a request's timeline announces, at
-- COMMIT and only if it commits, which request moved, on the channel the caches already listen on
-- (topic "request", then JSON). The payload carries what an app process needs to decide who may
-- hear of it (team, requester, assignee, confidential, whether everything added was internal) and
-- nothing they may not read: no subject, no text. One notification per request per statement;
-- `last` (the newest event id) lets a process drop the copy it hears twice.
CREATE FUNCTION request_events_announce() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved record;
BEGIN
  FOR moved IN
    SELECT r.id, r.key, r.team_id, r.requester_id, r.assignee_id, r.confidential,
           max(e.id) AS last,
           bool_and(e.visibility = 'internal') AS internal,
           (array_agg(e.data ->> 'fromTeamId') FILTER (WHERE e.kind = 'handoff'))[1] AS from_team_id
      FROM new_rows AS e
      JOIN requests AS r ON r.id = e.request_id
     GROUP BY r.id
  LOOP
    PERFORM pg_notify('hallway_changes', 'request ' || json_build_object(
      'id', moved.id, 'key', moved.key, 'teamId', moved.team_id, 'requesterId', moved.requester_id,
      'assigneeId', moved.assignee_id, 'confidential', moved.confidential, 'internal', moved.internal,
      'fromTeamId', moved.from_team_id, 'last', moved.last)::text);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER request_events_announce AFTER INSERT ON request_events
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION request_events_announce();
