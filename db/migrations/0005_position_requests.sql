CREATE TYPE "public"."position_request_decision" AS ENUM('requested', 'not_needed');--> statement-breakpoint
CREATE TABLE "position_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"import_run_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"relation_id" uuid,
	"decision" "position_request_decision" NOT NULL,
	"not_needed_reason" text,
	"function_profile_id" uuid,
	"grade_id" uuid,
	"org_unit_id" uuid,
	"cost_centre_id" uuid,
	"duty_location_id" uuid,
	"fte" numeric(4, 3),
	"valid_from" date,
	"note" text,
	"position_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_requests_requested_complete" CHECK ("position_requests"."decision" <> 'requested' or ("position_requests"."function_profile_id" is not null and "position_requests"."fte" is not null and "position_requests"."grade_id" is not null and "position_requests"."org_unit_id" is not null)),
	CONSTRAINT "position_requests_not_needed_reason" CHECK ("position_requests"."decision" <> 'not_needed' or length(trim(coalesce("position_requests"."not_needed_reason", ''))) > 0),
	CONSTRAINT "position_requests_fte_range" CHECK ("position_requests"."fte" is null or ("position_requests"."fte" > 0 and "position_requests"."fte" <= 1))
);
--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_function_profile_id_function_profiles_id_fk" FOREIGN KEY ("function_profile_id") REFERENCES "public"."function_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_grade_id_grades_id_fk" FOREIGN KEY ("grade_id") REFERENCES "public"."grades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_duty_location_id_duty_locations_id_fk" FOREIGN KEY ("duty_location_id") REFERENCES "public"."duty_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_relation_fk" FOREIGN KEY ("entity_id","relation_id") REFERENCES "public"."employment_relations"("entity_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_org_unit_fk" FOREIGN KEY ("entity_id","org_unit_id") REFERENCES "public"."org_units"("entity_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_cost_centre_fk" FOREIGN KEY ("entity_id","cost_centre_id") REFERENCES "public"."cost_centres"("entity_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_requests" ADD CONSTRAINT "position_requests_position_fk" FOREIGN KEY ("entity_id","position_id") REFERENCES "public"."positions"("entity_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "position_requests_entity_id_row_number_index" ON "position_requests" USING btree ("entity_id","row_number");--> statement-breakpoint
CREATE UNIQUE INDEX "position_requests_one_per_relation" ON "position_requests" USING btree ("entity_id","relation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "position_requests_one_per_position" ON "position_requests" USING btree ("position_id");