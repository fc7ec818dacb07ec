CREATE TABLE "onboarding_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" date NOT NULL,
	"capacity" integer NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboarding_slots_month_unique" UNIQUE("month"),
	CONSTRAINT "onboarding_slots_capacity_positive" CHECK ("onboarding_slots"."capacity" > 0),
	CONSTRAINT "onboarding_slots_first_of_month" CHECK (extract(day from "onboarding_slots"."month") = 1)
);
--> statement-breakpoint
CREATE TABLE "planning_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"deadline" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planning_settings_single_row" CHECK ("planning_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "entity_agreement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"meeting_date" date NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"saved_by" uuid NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entity_agreement_versions_unique" UNIQUE("agreement_id","version")
);
--> statement-breakpoint
CREATE TABLE "entity_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entity_agreements_entity_id_id" UNIQUE("entity_id","id")
);
--> statement-breakpoint
CREATE TABLE "playgrounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_label" text NOT NULL,
	"database_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reset_at" timestamp with time zone,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "playgrounds_databaseName_unique" UNIQUE("database_name"),
	CONSTRAINT "playgrounds_owner_source" UNIQUE("owner_id","source")
);
--> statement-breakpoint
ALTER TABLE "onboardings" ADD COLUMN "slot_id" uuid;--> statement-breakpoint
ALTER TABLE "onboardings" ADD COLUMN "slot_chosen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "onboarding_slots" ADD CONSTRAINT "onboarding_slots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_settings" ADD CONSTRAINT "planning_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_agreement_versions" ADD CONSTRAINT "entity_agreement_versions_agreement_id_entity_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."entity_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_agreement_versions" ADD CONSTRAINT "entity_agreement_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_agreements" ADD CONSTRAINT "entity_agreements_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_agreements" ADD CONSTRAINT "entity_agreements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playgrounds" ADD CONSTRAINT "playgrounds_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entity_agreements_entity_id_meeting_date_index" ON "entity_agreements" USING btree ("entity_id","meeting_date");--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_slot_id_onboarding_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."onboarding_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "onboardings_slot_id_index" ON "onboardings" USING btree ("slot_id");