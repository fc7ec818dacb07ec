-- The unique (entity_id, id) indexes come first: the composite keys below refer to them.
ALTER TABLE "position_links" DROP CONSTRAINT "position_links_entity_id_entities_id_fk";
--> statement-breakpoint
ALTER TABLE "position_links" DROP CONSTRAINT "position_links_position_id_positions_id_fk";
--> statement-breakpoint
ALTER TABLE "position_links" DROP CONSTRAINT "position_links_relation_id_employment_relations_id_fk";
--> statement-breakpoint
ALTER TABLE "position_links" DROP CONSTRAINT "position_links_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "position_versions" DROP CONSTRAINT "position_versions_entity_id_entities_id_fk";
--> statement-breakpoint
ALTER TABLE "position_versions" DROP CONSTRAINT "position_versions_position_id_positions_id_fk";
--> statement-breakpoint
ALTER TABLE "position_versions" DROP CONSTRAINT "position_versions_org_unit_id_org_units_id_fk";
--> statement-breakpoint
ALTER TABLE "position_versions" DROP CONSTRAINT "position_versions_cost_centre_id_cost_centres_id_fk";
--> statement-breakpoint
ALTER TABLE "position_versions" DROP CONSTRAINT "position_versions_reports_to_position_id_positions_id_fk";
--> statement-breakpoint
ALTER TABLE "position_versions" DROP CONSTRAINT "position_versions_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "positions" DROP CONSTRAINT "positions_created_by_users_id_fk";
--> statement-breakpoint
DROP INDEX "position_versions_entity_id_valid_from_index";
--> statement-breakpoint
DROP INDEX "positions_entity_id_index";
--> statement-breakpoint
CREATE UNIQUE INDEX "cost_centres_entity_id_id_index" ON "cost_centres" USING btree ("entity_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "org_units_entity_id_id_index" ON "org_units" USING btree ("entity_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "employment_relations_entity_id_id_index" ON "employment_relations" USING btree ("entity_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "positions_entity_id_id_index" ON "positions" USING btree ("entity_id","id");
--> statement-breakpoint
ALTER TABLE "position_links" ADD CONSTRAINT "position_links_position_fk" FOREIGN KEY ("entity_id","position_id") REFERENCES "public"."positions"("entity_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "position_links" ADD CONSTRAINT "position_links_relation_fk" FOREIGN KEY ("entity_id","relation_id") REFERENCES "public"."employment_relations"("entity_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_position_fk" FOREIGN KEY ("entity_id","position_id") REFERENCES "public"."positions"("entity_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_org_unit_fk" FOREIGN KEY ("entity_id","org_unit_id") REFERENCES "public"."org_units"("entity_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_cost_centre_fk" FOREIGN KEY ("entity_id","cost_centre_id") REFERENCES "public"."cost_centres"("entity_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_reports_to_fk" FOREIGN KEY ("entity_id","reports_to_position_id") REFERENCES "public"."positions"("entity_id","id") ON DELETE no action ON UPDATE no action;
