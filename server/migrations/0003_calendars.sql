CREATE TABLE "calendar_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"calendar_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"starts_at" timestamp,
	"ends_at" timestamp,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_closures_one_shape" CHECK (("calendar_closures"."starts_on" is not null and "calendar_closures"."ends_on" is not null and "calendar_closures"."starts_at" is null and "calendar_closures"."ends_at" is null
        and "calendar_closures"."ends_on" >= "calendar_closures"."starts_on")
       or ("calendar_closures"."starts_at" is not null and "calendar_closures"."ends_at" is not null and "calendar_closures"."starts_on" is null and "calendar_closures"."ends_on" is null
        and "calendar_closures"."ends_at" > "calendar_closures"."starts_at"))
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"team_id" uuid,
	"time_zone" text NOT NULL,
	"weekly" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendars_weekly_is_array" CHECK (jsonb_typeof("calendars"."weekly") = 'array'),
	CONSTRAINT "calendars_kind" CHECK ("calendars"."kind" in ('team', 'company-holidays')),
	CONSTRAINT "calendars_team_matches_kind" CHECK (("calendars"."kind" = 'team') = ("calendars"."team_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "calendar_closures" ADD CONSTRAINT "calendar_closures_calendar_id_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendars"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_closures_calendar_idx" ON "calendar_closures" USING btree ("calendar_id","starts_on","starts_at");--> statement-breakpoint
CREATE INDEX "calendars_team_idx" ON "calendars" USING btree ("team_id");