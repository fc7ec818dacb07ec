CREATE TYPE "public"."entity_type" AS ENUM('department', 'iva', 'iva_rp', 'eva');--> statement-breakpoint
CREATE TYPE "public"."job_state" AS ENUM('queued', 'running', 'succeeded', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."legal_status" AS ENUM('statutory', 'contractual', 'mandate');--> statement-breakpoint
CREATE TYPE "public"."position_lifecycle" AS ENUM('active', 'frozen', 'abolished');--> statement-breakpoint
CREATE TYPE "public"."position_origin" AS ENUM('step1', 'template', 'manual');--> statement-breakpoint
CREATE TYPE "public"."relation_kind" AS ENUM('employee', 'non_employee');--> statement-breakpoint
CREATE TYPE "public"."relation_status" AS ENUM('active', 'leave', 'inactive');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('central_expert', 'entity_hr', 'manager');--> statement-breakpoint
CREATE TYPE "public"."step_state" AS ENUM('not_started', 'running', 'waiting_entity', 'waiting_central', 'done', 'failed');--> statement-breakpoint
CREATE SEQUENCE "public"."position_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE TABLE "cost_centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"municipality" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_locations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" "entity_type" NOT NULL,
	"policy_area_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "function_families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "function_families_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "function_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"family_id" uuid NOT NULL,
	"level" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "function_profiles_code_unique" UNIQUE("code"),
	CONSTRAINT "function_profiles_title_present" CHECK (length(trim("function_profiles"."title")) > 0),
	CONSTRAINT "function_profiles_level_valid" CHECK ("function_profiles"."level" in ('A','B','C','D'))
);
--> statement-breakpoint
CREATE TABLE "grades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"rank" text NOT NULL,
	"level" text NOT NULL,
	"pay_scale" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grades_code_unique" UNIQUE("code"),
	CONSTRAINT "grades_level_valid" CHECK ("grades"."level" in ('A','B','C','D')),
	CONSTRAINT "grades_rank_in_level" CHECK (left("grades"."rank", 1) = "grades"."level")
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "policy_areas_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "user_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"entity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_grants_unique" UNIQUE NULLS NOT DISTINCT("user_id","role","entity_id"),
	CONSTRAINT "user_grants_hr_has_entity" CHECK ("user_grants"."role" <> 'entity_hr' or "user_grants"."entity_id" is not null),
	CONSTRAINT "user_grants_expert_is_global" CHECK ("user_grants"."role" <> 'central_expert' or "user_grants"."entity_id" is null)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"oidc_subject" text,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_oidcSubject_unique" UNIQUE("oidc_subject")
);
--> statement-breakpoint
CREATE TABLE "employment_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relation_number" integer NOT NULL,
	"kind" "relation_kind" NOT NULL,
	"non_employee_category" text,
	"legal_status" "legal_status" NOT NULL,
	"status" "relation_status" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"grade_id" uuid,
	"function_profile_id" uuid,
	"fte" numeric(4, 3) NOT NULL,
	"org_unit_id" uuid,
	"cost_centre_id" uuid,
	"in_personnel_list" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_relations_fte_range" CHECK ("employment_relations"."fte" > 0 and "employment_relations"."fte" <= 1),
	CONSTRAINT "employment_relations_dates" CHECK ("employment_relations"."end_date" is null or "employment_relations"."end_date" >= "employment_relations"."start_date"),
	CONSTRAINT "employment_relations_number_positive" CHECK ("employment_relations"."relation_number" > 0)
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"vlimpers_number" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_vlimpers_format" CHECK ("persons"."vlimpers_number" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "position_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"relation_id" uuid NOT NULL,
	"fte" numeric(4, 3) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_links_fte_range" CHECK ("position_links"."fte" > 0 and "position_links"."fte" <= 1),
	CONSTRAINT "position_links_dates" CHECK ("position_links"."valid_to" is null or "position_links"."valid_to" >= "position_links"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "position_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"lifecycle" "position_lifecycle" DEFAULT 'active' NOT NULL,
	"function_profile_id" uuid NOT NULL,
	"function_code" text NOT NULL,
	"function_title" text NOT NULL,
	"grade_id" uuid,
	"org_unit_id" uuid,
	"cost_centre_id" uuid,
	"duty_location_id" uuid,
	"reports_to_position_id" uuid,
	"fte" numeric(4, 3) NOT NULL,
	"outside_personnel_plan" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_versions_function_code_present" CHECK (length(trim("position_versions"."function_code")) > 0),
	CONSTRAINT "position_versions_function_title_present" CHECK (length(trim("position_versions"."function_title")) > 0),
	CONSTRAINT "position_versions_fte_range" CHECK ("position_versions"."fte" > 0 and "position_versions"."fte" <= 1),
	CONSTRAINT "position_versions_dates" CHECK ("position_versions"."valid_to" is null or "position_versions"."valid_to" >= "position_versions"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"number" bigint DEFAULT nextval('position_number_seq') NOT NULL,
	"origin" "position_origin" NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "positions_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "onboarding_step_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"state" "step_state" NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"job_run_id" uuid,
	"input_file_id" uuid,
	"output_file_id" uuid,
	"actor_id" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "onboarding_step_runs_step_range" CHECK ("onboarding_step_runs"."step" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "onboardings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid NOT NULL,
	"current_step" integer DEFAULT 1 NOT NULL,
	"current_state" "step_state" DEFAULT 'not_started' NOT NULL,
	"planned_slot_month" text,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "onboardings_entityId_unique" UNIQUE("entity_id"),
	CONSTRAINT "onboardings_step_range" CHECK ("onboardings"."current_step" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity_id" uuid,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_size_matches" CHECK ("stored_files"."size_bytes" = octet_length("stored_files"."content"))
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"entity_id" uuid,
	"state" "job_state" DEFAULT 'queued' NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"entity_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "cost_centres" ADD CONSTRAINT "cost_centres_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_policy_area_id_policy_areas_id_fk" FOREIGN KEY ("policy_area_id") REFERENCES "public"."policy_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "function_profiles" ADD CONSTRAINT "function_profiles_family_id_function_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."function_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_grants" ADD CONSTRAINT "user_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_grants" ADD CONSTRAINT "user_grants_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_relations" ADD CONSTRAINT "employment_relations_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_relations" ADD CONSTRAINT "employment_relations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_relations" ADD CONSTRAINT "employment_relations_grade_id_grades_id_fk" FOREIGN KEY ("grade_id") REFERENCES "public"."grades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_relations" ADD CONSTRAINT "employment_relations_function_profile_id_function_profiles_id_fk" FOREIGN KEY ("function_profile_id") REFERENCES "public"."function_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_relations" ADD CONSTRAINT "employment_relations_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_relations" ADD CONSTRAINT "employment_relations_cost_centre_id_cost_centres_id_fk" FOREIGN KEY ("cost_centre_id") REFERENCES "public"."cost_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_links" ADD CONSTRAINT "position_links_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_links" ADD CONSTRAINT "position_links_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_links" ADD CONSTRAINT "position_links_relation_id_employment_relations_id_fk" FOREIGN KEY ("relation_id") REFERENCES "public"."employment_relations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_links" ADD CONSTRAINT "position_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_function_profile_id_function_profiles_id_fk" FOREIGN KEY ("function_profile_id") REFERENCES "public"."function_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_grade_id_grades_id_fk" FOREIGN KEY ("grade_id") REFERENCES "public"."grades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_cost_centre_id_cost_centres_id_fk" FOREIGN KEY ("cost_centre_id") REFERENCES "public"."cost_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_duty_location_id_duty_locations_id_fk" FOREIGN KEY ("duty_location_id") REFERENCES "public"."duty_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_reports_to_position_id_positions_id_fk" FOREIGN KEY ("reports_to_position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_step_runs" ADD CONSTRAINT "onboarding_step_runs_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_step_runs" ADD CONSTRAINT "onboarding_step_runs_job_run_id_job_runs_id_fk" FOREIGN KEY ("job_run_id") REFERENCES "public"."job_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_step_runs" ADD CONSTRAINT "onboarding_step_runs_input_file_id_stored_files_id_fk" FOREIGN KEY ("input_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_step_runs" ADD CONSTRAINT "onboarding_step_runs_output_file_id_stored_files_id_fk" FOREIGN KEY ("output_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_step_runs" ADD CONSTRAINT "onboarding_step_runs_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_centres_entity_id_code_index" ON "cost_centres" USING btree ("entity_id","code");--> statement-breakpoint
CREATE INDEX "entities_policy_area_id_index" ON "entities" USING btree ("policy_area_id");--> statement-breakpoint
CREATE INDEX "function_profiles_family_id_index" ON "function_profiles" USING btree ("family_id");--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_entity_id_code_index" ON "org_units" USING btree ("entity_id","code");--> statement-breakpoint
CREATE INDEX "org_units_parent_id_index" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "user_grants_entity_id_index" ON "user_grants" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employment_relations_entity_id_person_id_relation_number_index" ON "employment_relations" USING btree ("entity_id","person_id","relation_number");--> statement-breakpoint
CREATE INDEX "employment_relations_entity_id_status_index" ON "employment_relations" USING btree ("entity_id","status");--> statement-breakpoint
CREATE INDEX "employment_relations_person_id_index" ON "employment_relations" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_entity_id_vlimpers_number_index" ON "persons" USING btree ("entity_id","vlimpers_number");--> statement-breakpoint
CREATE UNIQUE INDEX "position_links_one_current_per_relation" ON "position_links" USING btree ("relation_id") WHERE "position_links"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "position_links_entity_id_position_id_index" ON "position_links" USING btree ("entity_id","position_id");--> statement-breakpoint
CREATE UNIQUE INDEX "position_versions_position_id_version_number_index" ON "position_versions" USING btree ("position_id","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "position_versions_one_open" ON "position_versions" USING btree ("position_id") WHERE "position_versions"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "position_versions_entity_id_valid_from_index" ON "position_versions" USING btree ("entity_id","valid_from");--> statement-breakpoint
CREATE INDEX "positions_entity_id_index" ON "positions" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "onboarding_step_runs_entity_id_step_index" ON "onboarding_step_runs" USING btree ("entity_id","step");--> statement-breakpoint
CREATE UNIQUE INDEX "onboarding_step_runs_one_running" ON "onboarding_step_runs" USING btree ("entity_id","step") WHERE "onboarding_step_runs"."state" = 'running' and not "onboarding_step_runs"."dry_run";--> statement-breakpoint
CREATE INDEX "stored_files_entity_id_created_at_index" ON "stored_files" USING btree ("entity_id","created_at");--> statement-breakpoint
CREATE INDEX "job_runs_entity_id_created_at_index" ON "job_runs" USING btree ("entity_id","created_at");--> statement-breakpoint
CREATE INDEX "job_runs_state_index" ON "job_runs" USING btree ("state");--> statement-breakpoint
CREATE INDEX "audit_events_entity_id_at_index" ON "audit_events" USING btree ("entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_object_type_object_id_index" ON "audit_events" USING btree ("object_type","object_id");