-- Live updates (decision 0014) read the timeline instead of being told of it. Migration 0006's
-- statement trigger sent a NOTIFY in every transaction that added to a timeline, and PostgreSQL
-- serialises notifying commits (one cluster-wide lock from pre-commit until after the WAL flush):
-- request creation at 16 connections fell by 38% on a server. Each Hallway process now polls
-- request_events a few times a second while it has live streams open (server/modules/live/).
--
-- Event ids are not commit-ordered (a transaction that took an id earlier may commit later), so the
-- poller's cursor is a transaction id: every event records the top-level transaction that wrote it,
-- and a poll reads the events of transactions at or after the oldest one still running at its
-- previous poll (pg_snapshot_xmin). xid8 is 64 bits and never wraps around. The table is append-only
-- (migration 0001), so the value never changes after the row is written; adding the column with a
-- volatile default rewrites the table once, and existing rows get this migration's id (older than
-- any poller's first cursor).
ALTER TABLE "request_events" ADD COLUMN "tx" xid8 NOT NULL DEFAULT pg_current_xact_id();--> statement-breakpoint
CREATE INDEX "request_events_tx_idx" ON "request_events" USING btree ("tx");--> statement-breakpoint
DROP TRIGGER "request_events_announce" ON "request_events";--> statement-breakpoint
DROP FUNCTION "request_events_announce"();
