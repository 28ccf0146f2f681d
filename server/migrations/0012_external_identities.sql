CREATE TABLE "external_identities" (
	"connection_id" uuid NOT NULL,
	"external_user_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"external_name" text,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_identities_connection_id_external_user_id_pk" PRIMARY KEY("connection_id","external_user_id")
);
--> statement-breakpoint
ALTER TABLE "external_identities" ADD CONSTRAINT "external_identities_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_identities" ADD CONSTRAINT "external_identities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "external_identities_person_idx" ON "external_identities" USING btree ("person_id");