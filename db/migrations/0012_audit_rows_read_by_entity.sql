-- The audit trail under row-level security: a user limited to some entities reads only their
-- entities' rows. Rows without an entity (central actions, refusals) may still be written by
-- anyone with a scope — a refused request is audited under the refused user's own scope — but are
-- read only by apb_app_all (the central expert's access).
DROP POLICY apb_tenant ON audit_events;
--> statement-breakpoint
CREATE POLICY apb_tenant_read ON audit_events FOR SELECT TO apb_app
  USING (entity_id = ANY ((SELECT apb_scope_ids())::uuid[]));
--> statement-breakpoint
CREATE POLICY apb_tenant_add ON audit_events FOR INSERT TO apb_app
  WITH CHECK (entity_id = ANY ((SELECT apb_scope_ids())::uuid[]) OR (entity_id IS NULL AND (SELECT apb_scope_ids()) IS NOT NULL));
