CREATE TABLE "external_identity_claims" (
	"connection_id" uuid NOT NULL,
	"external_user_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"external_name" text,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_identity_claims_connection_id_external_user_id_person_id_pk" PRIMARY KEY("connection_id","external_user_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "external_identity_claims" ADD CONSTRAINT "external_identity_claims_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_identity_claims" ADD CONSTRAINT "external_identity_claims_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;