-- Knowledge base (issue 5). pg_trgm gives search its typo tolerance; it is a trusted extension, so
-- a database owner may create it without being a superuser (PostgreSQL 13+), and PGlite loads it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "article_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "article_feedback_comment_length" CHECK (char_length("article_feedback"."comment") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "article_stats" (
	"article_id" uuid PRIMARY KEY NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"helpful" integer DEFAULT 0 NOT NULL,
	"not_helpful" integer DEFAULT 0 NOT NULL,
	"last_viewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "article_versions" (
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"visibility" text NOT NULL,
	"category" text,
	"tags" text[] NOT NULL,
	"edited_by" uuid NOT NULL,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	CONSTRAINT "article_versions_article_id_version_pk" PRIMARY KEY("article_id","version")
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'everyone' NOT NULL,
	"category" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"owner_id" uuid NOT NULL,
	"review_by" date,
	"version" integer DEFAULT 1 NOT NULL,
	"source_request_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, "articles"."title"), 'A')
        || setweight(to_tsvector('english'::regconfig, "articles"."keywords"), 'B')
        || setweight(to_tsvector('english'::regconfig, "articles"."body"), 'C')) STORED,
	CONSTRAINT "articles_title_length" CHECK (char_length("articles"."title") between 1 and 200),
	CONSTRAINT "articles_body_length" CHECK (char_length("articles"."body") <= 200000),
	CONSTRAINT "articles_slug_shape" CHECK ("articles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length("articles"."slug") <= 120),
	CONSTRAINT "articles_status" CHECK ("articles"."status" in ('draft', 'in_review', 'published', 'archived')),
	CONSTRAINT "articles_visibility" CHECK ("articles"."visibility" in ('everyone', 'agents', 'team'))
);
--> statement-breakpoint
CREATE TABLE "intake_deflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid,
	"team_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"article_id" uuid,
	"request_id" uuid,
	"subject" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_deflections_outcome" CHECK ("intake_deflections"."outcome" in ('solved', 'submitted')),
	CONSTRAINT "intake_deflections_subject_length" CHECK (char_length("intake_deflections"."subject") between 1 and 300),
	CONSTRAINT "intake_deflections_request_matches" CHECK (("intake_deflections"."outcome" = 'submitted') = ("intake_deflections"."request_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "knowledge_searches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"query" text NOT NULL,
	"normalized" text NOT NULL,
	"team_id" uuid,
	"service_id" uuid,
	"hits" integer NOT NULL,
	"outcome" text NOT NULL,
	"request_id" uuid,
	"searched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_searches_query_length" CHECK (char_length("knowledge_searches"."query") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "request_articles" (
	"request_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"linked_by" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "request_articles_request_id_article_id_pk" PRIMARY KEY("request_id","article_id")
);
--> statement-breakpoint
DROP INDEX "attachments_unlinked_idx";--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "article_id" uuid;--> statement-breakpoint
ALTER TABLE "article_feedback" ADD CONSTRAINT "article_feedback_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_feedback" ADD CONSTRAINT "article_feedback_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_stats" ADD CONSTRAINT "article_stats_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_edited_by_people_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_source_request_id_requests_id_fk" FOREIGN KEY ("source_request_id") REFERENCES "public"."requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_deflections" ADD CONSTRAINT "intake_deflections_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_deflections" ADD CONSTRAINT "intake_deflections_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_deflections" ADD CONSTRAINT "intake_deflections_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_deflections" ADD CONSTRAINT "intake_deflections_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_deflections" ADD CONSTRAINT "intake_deflections_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_searches" ADD CONSTRAINT "knowledge_searches_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_searches" ADD CONSTRAINT "knowledge_searches_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_searches" ADD CONSTRAINT "knowledge_searches_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_articles" ADD CONSTRAINT "request_articles_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_articles" ADD CONSTRAINT "request_articles_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_articles" ADD CONSTRAINT "request_articles_linked_by_people_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "article_feedback_one_per_person" ON "article_feedback" USING btree ("article_id","person_id");--> statement-breakpoint
CREATE INDEX "article_feedback_article_idx" ON "article_feedback" USING btree ("article_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "articles_slug_unique" ON "articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "articles_team_status_idx" ON "articles" USING btree ("team_id","status","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "articles_owner_review_idx" ON "articles" USING btree ("owner_id","review_by");--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "articles_title_trgm_idx" ON "articles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "intake_deflections_team_time_idx" ON "intake_deflections" USING btree ("team_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "intake_deflections_service_time_idx" ON "intake_deflections" USING btree ("service_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "intake_deflections_request_unique" ON "intake_deflections" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "knowledge_searches_team_time_idx" ON "knowledge_searches" USING btree ("team_id","searched_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "knowledge_searches_time_idx" ON "knowledge_searches" USING btree ("searched_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "knowledge_searches_normalized_trgm_idx" ON "knowledge_searches" USING gin ("normalized" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "request_articles_article_idx" ON "request_articles" USING btree ("article_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_article_idx" ON "attachments" USING btree ("article_id","created_at") WHERE "attachments"."article_id" is not null;--> statement-breakpoint
CREATE INDEX "attachments_unlinked_idx" ON "attachments" USING btree ("uploaded_by","created_at") WHERE "attachments"."request_id" is null and "attachments"."article_id" is null;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_one_owner" CHECK ("attachments"."request_id" is null or "attachments"."article_id" is null);