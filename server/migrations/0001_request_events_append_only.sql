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
