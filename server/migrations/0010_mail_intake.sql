CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_key" text NOT NULL,
	"team_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"envelope_from" text,
	"envelope_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"raw" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"status_reason" text,
	"automated_kind" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"processed_at" timestamp with time zone,
	"request_id" uuid,
	"event_id" bigint,
	CONSTRAINT "inbound_messages_channel" CHECK ("inbound_messages"."channel" in ('smtp', 'imap')),
	CONSTRAINT "inbound_messages_status" CHECK ("inbound_messages"."status" in ('received', 'processed', 'held', 'rejected', 'failed')),
	CONSTRAINT "inbound_messages_size" CHECK ("inbound_messages"."size_bytes" = octet_length("inbound_messages"."raw"))
);
--> statement-breakpoint
CREATE TABLE "mail_thread_ids" (
	"message_id" text PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_thread_ids_direction" CHECK ("mail_thread_ids"."direction" in ('in', 'out'))
);
--> statement-breakpoint
CREATE TABLE "reply_tokens" (
	"token" text PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_mail_settings" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"inbound_address" text NOT NULL,
	"unknown_sender_rule" text DEFAULT 'hold' NOT NULL,
	"imap_enabled" boolean DEFAULT false NOT NULL,
	"imap_host" text,
	"imap_port" integer,
	"imap_tls" boolean DEFAULT true NOT NULL,
	"imap_user" text,
	"imap_password_env" text,
	"imap_mailbox" text DEFAULT 'INBOX' NOT NULL,
	"imap_uid_validity" bigint,
	"imap_last_uid" bigint,
	"imap_polled_at" timestamp with time zone,
	"imap_last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_mail_settings_address_lower" CHECK ("team_mail_settings"."inbound_address" = lower("team_mail_settings"."inbound_address")),
	CONSTRAINT "team_mail_settings_rule" CHECK ("team_mail_settings"."unknown_sender_rule" in ('reject', 'hold', 'accept')),
	CONSTRAINT "team_mail_settings_password_env" CHECK ("team_mail_settings"."imap_password_env" ~ '^[A-Z_][A-Z0-9_]*$'),
	CONSTRAINT "team_mail_settings_imap_complete" CHECK (not "team_mail_settings"."imap_enabled" or ("team_mail_settings"."imap_host" is not null and "team_mail_settings"."imap_port" is not null and "team_mail_settings"."imap_user" is not null and "team_mail_settings"."imap_password_env" is not null))
);
--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_event_id_request_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."request_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_thread_ids" ADD CONSTRAINT "mail_thread_ids_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_tokens" ADD CONSTRAINT "reply_tokens_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_mail_settings" ADD CONSTRAINT "team_mail_settings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_messages_team_key_unique" ON "inbound_messages" USING btree ("team_id","message_key");--> statement-breakpoint
CREATE INDEX "inbound_messages_status_idx" ON "inbound_messages" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "inbound_messages_request_idx" ON "inbound_messages" USING btree ("request_id") WHERE "inbound_messages"."request_id" is not null;--> statement-breakpoint
CREATE INDEX "mail_thread_ids_request_idx" ON "mail_thread_ids" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reply_tokens_request_unique" ON "reply_tokens" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_mail_settings_address_unique" ON "team_mail_settings" USING btree ("inbound_address");