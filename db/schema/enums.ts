import { pgEnum } from "drizzle-orm/pg-core";

export const entityType = pgEnum("entity_type", ["department", "iva", "iva_rp", "eva"]);
export const role = pgEnum("role", ["central_expert", "entity_hr", "manager"]);
export const relationKind = pgEnum("relation_kind", ["employee", "non_employee"]);
export const legalStatus = pgEnum("legal_status", ["statutory", "contractual", "mandate"]);
export const relationStatus = pgEnum("relation_status", ["active", "leave", "inactive"]);
export const positionLifecycle = pgEnum("position_lifecycle", ["active", "frozen", "abolished"]);
export const positionOrigin = pgEnum("position_origin", ["step1", "template", "manual"]);
export const stepState = pgEnum("step_state", [
  "not_started",
  "running",
  "waiting_entity",
  "waiting_central",
  "done",
  "failed",
]);
export const jobState = pgEnum("job_state", ["queued", "running", "succeeded", "failed", "cancelled"]);
