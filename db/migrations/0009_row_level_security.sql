-- Row-level security: the second line of defence behind the application's own checks.
-- The application's queries run as the role apb_app (SET LOCAL ROLE in every transaction, see
-- db/client.ts): not the tables' owner, no superuser, no BYPASSRLS. Each transaction also sets
-- apb.entity_scope: '*' (every entity) or a comma list of entity ids; unset or empty: nothing.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'apb_app') THEN
    CREATE ROLE apb_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO apb_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO apb_app;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO apb_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO apb_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO apb_app;
--> statement-breakpoint
-- The audit trail: the application adds rows, never changes or removes them.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM apb_app;
--> statement-breakpoint
-- The job queue enqueues inside the application's transactions, so its tables are the role's too.
CREATE SCHEMA IF NOT EXISTS pgboss;
--> statement-breakpoint
GRANT ALL ON SCHEMA pgboss TO apb_app;
--> statement-breakpoint
GRANT ALL ON ALL TABLES IN SCHEMA pgboss TO apb_app;
--> statement-breakpoint
GRANT ALL ON ALL SEQUENCES IN SCHEMA pgboss TO apb_app;
--> statement-breakpoint
GRANT ALL ON ALL FUNCTIONS IN SCHEMA pgboss TO apb_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT ALL ON TABLES TO apb_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT ALL ON SEQUENCES TO apb_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT ALL ON FUNCTIONS TO apb_app;
--> statement-breakpoint
CREATE FUNCTION apb_scope_set() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('apb.entity_scope', true), '') <> ''
$$;
--> statement-breakpoint
CREATE FUNCTION apb_entity_visible(entity uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE coalesce(current_setting('apb.entity_scope', true), '')
    WHEN '' THEN false
    WHEN '*' THEN true
    ELSE entity = ANY (string_to_array(current_setting('apb.entity_scope', true), ',')::uuid[])
  END
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  -- Tables whose every row belongs to one entity.
  FOREACH t IN ARRAY ARRAY['org_units', 'cost_centres', 'persons', 'employment_relations', 'positions', 'position_versions',
                           'position_links', 'onboardings', 'onboarding_step_runs', 'position_requests', 'entity_agreements'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY apb_tenant ON %I TO apb_app USING (apb_entity_visible(entity_id)) WITH CHECK (apb_entity_visible(entity_id))', t);
    -- The role that migrates (the owner) keeps seeing everything, FORCE notwithstanding.
    EXECUTE format('CREATE POLICY apb_owner ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
  -- Tables with rows of one entity and rows of none (reference imports, central jobs, files, audit).
  FOREACH t IN ARRAY ARRAY['import_runs', 'stored_files', 'job_runs', 'audit_events'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY apb_tenant ON %I TO apb_app USING ((entity_id IS NULL AND apb_scope_set()) OR apb_entity_visible(entity_id)) WITH CHECK ((entity_id IS NULL AND apb_scope_set()) OR apb_entity_visible(entity_id))', t);
    EXECUTE format('CREATE POLICY apb_owner ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
  -- The entities themselves, and the versions of an agreement (through their agreement).
  ALTER TABLE entities ENABLE ROW LEVEL SECURITY;
  ALTER TABLE entities FORCE ROW LEVEL SECURITY;
  CREATE POLICY apb_tenant ON entities TO apb_app USING (apb_entity_visible(id)) WITH CHECK (apb_entity_visible(id));
  EXECUTE format('CREATE POLICY apb_owner ON entities TO %I USING (true) WITH CHECK (true)', current_user);
  ALTER TABLE entity_agreement_versions ENABLE ROW LEVEL SECURITY;
  ALTER TABLE entity_agreement_versions FORCE ROW LEVEL SECURITY;
  CREATE POLICY apb_tenant ON entity_agreement_versions TO apb_app
    USING (EXISTS (SELECT 1 FROM entity_agreements a WHERE a.id = agreement_id))
    WITH CHECK (EXISTS (SELECT 1 FROM entity_agreements a WHERE a.id = agreement_id));
  EXECUTE format('CREATE POLICY apb_owner ON entity_agreement_versions TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
