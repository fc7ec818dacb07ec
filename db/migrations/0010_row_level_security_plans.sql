-- Row-level security, second form (decision 006): policies the planner can plan well.
-- * A user who may see every entity (central expert, government-wide manager) and the system's own
--   work without an entity (sign-in, scripts, central jobs) run as apb_app_all, whose
--   policies let every row through: no per-row test at all. It is, like apb_app, not the owner, no
--   superuser and without BYPASSRLS, and may not change or remove audit rows either.
-- * A user limited to some entities runs as apb_app, whose policies compare entity_id with the
--   scope's ids read once per query (the scalar subquery becomes an InitPlan), instead of parsing
--   the scope text again for every row as the first form did.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'apb_app_all') THEN
    CREATE ROLE apb_app_all NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database of this server created it at the same moment (roles are per server)
END $$;
--> statement-breakpoint
-- The application switches to both roles in every transaction (SET LOCAL ROLE) on the migrating
-- role's connection, so that role must be allowed to: a superuser always is; a role that created
-- them has only ADMIN on PostgreSQL 16 and later, which does not allow SET ROLE by itself.
DO $$
DECLARE
  r text;
  allowed boolean;
BEGIN
  FOREACH r IN ARRAY ARRAY['apb_app', 'apb_app_all'] LOOP
    IF current_setting('server_version_num')::int >= 160000 THEN
      allowed := pg_has_role(current_user, r, 'SET');
    ELSE
      allowed := pg_has_role(current_user, r, 'MEMBER');
    END IF;
    IF NOT allowed THEN
      BEGIN
        EXECUTE format('GRANT %I TO %I', r, current_user);
      EXCEPTION
        WHEN insufficient_privilege THEN
          RAISE EXCEPTION 'The role % may not switch to the role % and cannot grant that itself: a superuser must run GRANT % TO % (see docs/decisions/006-row-level-security.md).', current_user, r, r, current_user;
        WHEN OTHERS THEN
          -- Another database of this server granted it at the same moment (roles are per server).
          IF NOT pg_has_role(current_user, r, 'MEMBER') THEN
            RAISE;
          END IF;
      END;
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO apb_app_all;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO apb_app_all;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO apb_app_all;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO apb_app_all;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO apb_app_all;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM apb_app_all;
--> statement-breakpoint
GRANT ALL ON SCHEMA pgboss TO apb_app_all;
--> statement-breakpoint
GRANT ALL ON ALL TABLES IN SCHEMA pgboss TO apb_app_all;
--> statement-breakpoint
GRANT ALL ON ALL SEQUENCES IN SCHEMA pgboss TO apb_app_all;
--> statement-breakpoint
GRANT ALL ON ALL FUNCTIONS IN SCHEMA pgboss TO apb_app_all;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT ALL ON TABLES TO apb_app_all;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT ALL ON SEQUENCES TO apb_app_all;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT ALL ON FUNCTIONS TO apb_app_all;
--> statement-breakpoint
-- The ids in scope: a comma list in apb.entity_scope; unset or empty gives null, so nothing matches.
CREATE FUNCTION apb_scope_ids() RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(nullif(current_setting('apb.entity_scope', true), ''), ',')::uuid[]
$$;
--> statement-breakpoint
DO $$
DECLARE
  t text;
  mine text := 'entity_id = ANY ((SELECT apb_scope_ids())::uuid[])';
  mine_or_central text := '(entity_id = ANY ((SELECT apb_scope_ids())::uuid[]) OR (entity_id IS NULL AND (SELECT apb_scope_ids()) IS NOT NULL))';
BEGIN
  FOREACH t IN ARRAY ARRAY['org_units', 'cost_centres', 'persons', 'employment_relations', 'positions', 'position_versions',
                           'position_links', 'onboardings', 'onboarding_step_runs', 'position_requests', 'entity_agreements'] LOOP
    EXECUTE format('DROP POLICY apb_tenant ON %I', t);
    EXECUTE format('CREATE POLICY apb_tenant ON %I TO apb_app USING (%s) WITH CHECK (%s)', t, mine, mine);
    EXECUTE format('CREATE POLICY apb_all ON %I TO apb_app_all USING (true) WITH CHECK (true)', t);
  END LOOP;
  -- Rows without an entity (reference imports, central jobs, refusals) are seen by anyone with a scope.
  FOREACH t IN ARRAY ARRAY['import_runs', 'stored_files', 'job_runs', 'audit_events'] LOOP
    EXECUTE format('DROP POLICY apb_tenant ON %I', t);
    EXECUTE format('CREATE POLICY apb_tenant ON %I TO apb_app USING (%s) WITH CHECK (%s)', t, mine_or_central, mine_or_central);
    EXECUTE format('CREATE POLICY apb_all ON %I TO apb_app_all USING (true) WITH CHECK (true)', t);
  END LOOP;
  DROP POLICY apb_tenant ON entities;
  CREATE POLICY apb_tenant ON entities TO apb_app
    USING (id = ANY ((SELECT apb_scope_ids())::uuid[])) WITH CHECK (id = ANY ((SELECT apb_scope_ids())::uuid[]));
  CREATE POLICY apb_all ON entities TO apb_app_all USING (true) WITH CHECK (true);
  -- Agreement versions keep their policy through their agreement.
  CREATE POLICY apb_all ON entity_agreement_versions TO apb_app_all USING (true) WITH CHECK (true);
END $$;
--> statement-breakpoint
DROP FUNCTION apb_entity_visible(uuid);
--> statement-breakpoint
DROP FUNCTION apb_scope_set();
