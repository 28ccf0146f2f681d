CREATE TABLE "request_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"approver_id" uuid,
	"approver_team_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_approvals_status" CHECK ("request_approvals"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "request_approvals_someone_decides" CHECK ("request_approvals"."approver_id" is not null or "request_approvals"."approver_team_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "request_steps" (
	"request_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	CONSTRAINT "request_steps_request_id_position_pk" PRIMARY KEY("request_id","position")
);
--> statement-breakpoint
CREATE TABLE "service_forms" (
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"form" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_forms_service_id_version_pk" PRIMARY KEY("service_id","version")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"request_type" text DEFAULT 'question' NOT NULL,
	"default_priority" text DEFAULT 'normal' NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"audience_team_ids" uuid[],
	"form_version" integer DEFAULT 1 NOT NULL,
	"procedure" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approval" jsonb,
	"sla_policy_id" uuid,
	"workflow" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_slug_format" CHECK ("services"."slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
	CONSTRAINT "services_procedure_is_array" CHECK (jsonb_typeof("services"."procedure") = 'array'),
	CONSTRAINT "services_workflow_is_array" CHECK (jsonb_typeof("services"."workflow") = 'array')
);
--> statement-breakpoint
CREATE TABLE "internal_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"provider_team_id" uuid NOT NULL,
	"consumer_team_id" uuid NOT NULL,
	"service_id" uuid,
	"targets" jsonb NOT NULL,
	"starts_on" text,
	"ends_on" text,
	"proposed_by" uuid,
	"provider_accepted_by" uuid,
	"provider_accepted_at" timestamp with time zone,
	"consumer_accepted_by" uuid,
	"consumer_accepted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "internal_agreements_two_teams" CHECK ("internal_agreements"."provider_team_id" <> "internal_agreements"."consumer_team_id")
);
--> statement-breakpoint
CREATE TABLE "request_sla_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"target_minutes" integer NOT NULL,
	"warn_at_percent" integer NOT NULL,
	"calendar_id" uuid,
	"source" text NOT NULL,
	"source_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"consumed_minutes" numeric DEFAULT 0 NOT NULL,
	"running_since" timestamp with time zone,
	"due_at" timestamp with time zone,
	"warn_at" timestamp with time zone,
	"warned_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"met" text,
	"generation" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "request_sla_clocks_metric" CHECK ("request_sla_clocks"."metric" in ('first_response', 'next_response', 'resolution')),
	CONSTRAINT "request_sla_clocks_target" CHECK ("request_sla_clocks"."target_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"targets" jsonb NOT NULL,
	"warn_at_percent" integer DEFAULT 80 NOT NULL,
	"escalation" jsonb DEFAULT '{"notifyLead":true,"raisePriority":false}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_policies_warn_at_percent" CHECK ("sla_policies"."warn_at_percent" between 1 and 99)
);
--> statement-breakpoint
CREATE TABLE "request_workflow_steps" (
	"parent_request_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"service_id" uuid NOT NULL,
	"depends_on" text[] DEFAULT '{}' NOT NULL,
	"child_request_id" uuid,
	CONSTRAINT "request_workflow_steps_parent_request_id_step_key_pk" PRIMARY KEY("parent_request_id","step_key")
);
--> statement-breakpoint
CREATE TABLE "timer_probe_firings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"timer_id" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fired_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fired_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "service_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "answers" jsonb;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "request_approvals" ADD CONSTRAINT "request_approvals_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_approvals" ADD CONSTRAINT "request_approvals_approver_id_people_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_approvals" ADD CONSTRAINT "request_approvals_approver_team_id_teams_id_fk" FOREIGN KEY ("approver_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_approvals" ADD CONSTRAINT "request_approvals_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_steps" ADD CONSTRAINT "request_steps_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_steps" ADD CONSTRAINT "request_steps_done_by_people_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_forms" ADD CONSTRAINT "service_forms_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_sla_policy_id_sla_policies_id_fk" FOREIGN KEY ("sla_policy_id") REFERENCES "public"."sla_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_agreements" ADD CONSTRAINT "internal_agreements_provider_team_id_teams_id_fk" FOREIGN KEY ("provider_team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_agreements" ADD CONSTRAINT "internal_agreements_consumer_team_id_teams_id_fk" FOREIGN KEY ("consumer_team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_agreements" ADD CONSTRAINT "internal_agreements_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_agreements" ADD CONSTRAINT "internal_agreements_proposed_by_people_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_agreements" ADD CONSTRAINT "internal_agreements_provider_accepted_by_people_id_fk" FOREIGN KEY ("provider_accepted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_agreements" ADD CONSTRAINT "internal_agreements_consumer_accepted_by_people_id_fk" FOREIGN KEY ("consumer_accepted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_sla_clocks" ADD CONSTRAINT "request_sla_clocks_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_sla_clocks" ADD CONSTRAINT "request_sla_clocks_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_workflow_steps" ADD CONSTRAINT "request_workflow_steps_parent_request_id_requests_id_fk" FOREIGN KEY ("parent_request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_workflow_steps" ADD CONSTRAINT "request_workflow_steps_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_workflow_steps" ADD CONSTRAINT "request_workflow_steps_child_request_id_requests_id_fk" FOREIGN KEY ("child_request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_approvals_request_idx" ON "request_approvals" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_approvals_pending_idx" ON "request_approvals" USING btree ("approver_id") WHERE "request_approvals"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "services_slug_unique" ON "services" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "services_team_idx" ON "services" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "internal_agreements_provider_idx" ON "internal_agreements" USING btree ("provider_team_id","consumer_team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "request_sla_clocks_request_metric_unique" ON "request_sla_clocks" USING btree ("request_id","metric");--> statement-breakpoint
CREATE INDEX "request_sla_clocks_due_idx" ON "request_sla_clocks" USING btree ("due_at") WHERE "request_sla_clocks"."stopped_at" is null;--> statement-breakpoint
CREATE INDEX "sla_policies_team_idx" ON "sla_policies" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "request_workflow_steps_child_idx" ON "request_workflow_steps" USING btree ("child_request_id");--> statement-breakpoint
CREATE INDEX "timers_pending_due_idx" ON "timers" USING btree ("due_at") WHERE "timers"."fired_at" is null and "timers"."failed_at" is null;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_parent_id_requests_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "requests_service_created_idx" ON "requests" USING btree ("service_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "requests_parent_idx" ON "requests" USING btree ("parent_id");--> statement-breakpoint
-- A request made through a service that needs approval waits in pending_approval (see lifecycle.ts).
ALTER TABLE requests DROP CONSTRAINT requests_status_known;--> statement-breakpoint
ALTER TABLE requests ADD CONSTRAINT requests_status_known
  CHECK (status IN ('pending_approval', 'new', 'acknowledged', 'in_progress', 'waiting_on_requester', 'resolved', 'closed'));
