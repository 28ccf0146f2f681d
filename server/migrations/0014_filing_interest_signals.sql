-- A plain filing (no service) runs the modules' reactions only when one of them may act on it
-- (decision 0022): a team that sends mail, or a webhook that listens. Processes keep both answers in
-- memory, and these triggers announce their changes like migration 0002's (same function, same rules).
CREATE TRIGGER team_mail_settings_notify_insert AFTER INSERT ON team_mail_settings
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('mail-settings');
--> statement-breakpoint
-- IMAP bookkeeping (last UID, polled at, last error) changes every poll and matters to no cache.
CREATE TRIGGER team_mail_settings_notify_update AFTER UPDATE ON team_mail_settings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('mail-settings', 'team_id, inbound_address');
--> statement-breakpoint
CREATE TRIGGER team_mail_settings_notify_delete AFTER DELETE ON team_mail_settings
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('mail-settings');
--> statement-breakpoint
CREATE TRIGGER webhook_subscriptions_notify_insert AFTER INSERT ON webhook_subscriptions
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('webhooks');
--> statement-breakpoint
CREATE TRIGGER webhook_subscriptions_notify_update AFTER UPDATE ON webhook_subscriptions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('webhooks', 'id, team_id, event_types, enabled');
--> statement-breakpoint
CREATE TRIGGER webhook_subscriptions_notify_delete AFTER DELETE ON webhook_subscriptions
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('webhooks');
--> statement-breakpoint
CREATE TRIGGER team_mail_settings_notify_truncate AFTER TRUNCATE ON team_mail_settings
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('mail-settings');
--> statement-breakpoint
CREATE TRIGGER webhook_subscriptions_notify_truncate AFTER TRUNCATE ON webhook_subscriptions
  FOR EACH STATEMENT EXECUTE FUNCTION hallway_notify_change('webhooks');
