import type { Permission } from "@/lib/auth/permissions";

/**
 * Every server action and route handler of the application, with what it asks of the caller.
 * The authorisation matrix tests (unit: against the source; browser: against the running build)
 * fail when an endpoint is missing here, or behaves otherwise than written here.
 */
export type EndpointAccess =
  /** Needs the permission; `entity`: for the entity named in the input or the path (a foreign one answers "not found"). */
  | { permission: Permission; permissions?: undefined; entity?: boolean; public?: undefined }
  /** Needs every one of these permissions, for the entity in the path. */
  | { permissions: Permission[]; permission?: undefined; entity: true; public?: undefined }
  /** Open to anyone, with the reason. */
  | { public: string; permission?: undefined; permissions?: undefined; entity?: undefined };

/** Server actions, by "<file>#<export>". */
export const ACTION_REGISTRY: Record<string, EndpointAccess> = {
  "lib/domain/agreements/agreement-actions.ts#addAgreementAction": { permission: "agreements.write", entity: true },
  "lib/domain/agreements/agreement-actions.ts#editAgreementAction": { permission: "agreements.write", entity: true },
  "lib/domain/onboarding/onboarding-actions.ts#reopenStepAction": { permission: "onboarding.reopen", entity: true },
  "lib/domain/personnel/actions.ts#exportRelationsAction": { permission: "personnel.read", entity: true },
  "lib/domain/personnel/import-actions.ts#commitPersonnelImportAction": { permission: "personnel.import", entity: true },
  "lib/domain/planning/planning-actions.ts#createSlotAction": { permission: "planning.manage" },
  "lib/domain/planning/planning-actions.ts#updateSlotAction": { permission: "planning.manage" },
  "lib/domain/planning/planning-actions.ts#deleteSlotAction": { permission: "planning.manage" },
  "lib/domain/planning/planning-actions.ts#setDeadlineAction": { permission: "planning.manage" },
  "lib/domain/planning/planning-actions.ts#chooseSlotAction": { permission: "planning.choose", entity: true },
  "lib/domain/planning/planning-actions.ts#cancelSlotAction": { permission: "planning.choose", entity: true },
  "lib/domain/positions/plan-actions.ts#createPositionAction": { permission: "positions.write", entity: true },
  "lib/domain/positions/plan-actions.ts#freezePositionAction": { permission: "positions.write", entity: true },
  "lib/domain/positions/plan-actions.ts#abolishPositionAction": { permission: "positions.write", entity: true },
  "lib/domain/positions/plan-actions.ts#linkRelationAction": { permission: "positions.write", entity: true },
  "lib/domain/positions/plan-actions.ts#unlinkRelationAction": { permission: "positions.write", entity: true },
  "lib/domain/reference/reference-actions.ts#saveReferenceAction": { permission: "reference.write" },
  "lib/domain/reference/reference-actions.ts#setReferenceActiveAction": { permission: "reference.write" },
  "lib/domain/reference/reference-actions.ts#commitReferenceImportAction": { permission: "reference.write" },
  "lib/domain/step1/step1-actions.ts#startStep1Action": { permission: "onboarding.runAutomatedStep", entity: true },
  "lib/domain/step2/step2-actions.ts#correctPositionAction": { permission: "positions.write", entity: true },
  "lib/domain/step2/step2-actions.ts#correctionOptionsAction": { permission: "positions.write", entity: true },
  "lib/domain/step2/step2-actions.ts#positionHistoryAction": { permission: "personnel.read", entity: true },
  "lib/domain/step2/step2-actions.ts#completeStep2Action": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step3/step3-actions.ts#acceptTemplateUploadAction": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step3/step3-actions.ts#correctTemplateRequestAction": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step3/step3-actions.ts#templateOptionsAction": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step3/step3-actions.ts#submitTemplateAction": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step4/step4-actions.ts#startStep4Action": { permission: "onboarding.runAutomatedStep", entity: true },
  "lib/domain/step5/step5-actions.ts#acceptControlUploadAction": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step5/step5-actions.ts#assignOnlineAction": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step5/step5-actions.ts#assignableRelationsAction": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step5/step5-actions.ts#submitControlReportAction": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step5/step5-actions.ts#takeOverRequestedAction": { permission: "onboarding.entityStep", entity: true },
  "lib/domain/step6/step6-actions.ts#startStep6Action": { permission: "onboarding.runAutomatedStep", entity: true },
  "lib/playground/playground-actions.ts#createPlaygroundAction": { permission: "playground.use" },
  "lib/playground/playground-actions.ts#enterPlaygroundAction": { permission: "playground.use" },
  "lib/playground/playground-actions.ts#leavePlaygroundAction": { permission: "playground.use" },
  "lib/playground/playground-actions.ts#resetPlaygroundAction": { permission: "playground.use" },
  "lib/playground/playground-actions.ts#removePlaygroundAction": { permission: "playground.use" },
  "lib/server/session-actions.ts#setLocaleAction": { public: "chooses the interface language (a cookie); reads or writes no data" },
  "lib/server/session-actions.ts#signOutAction": { public: "ends the caller's own session" },
  "lib/server/session-actions.ts#demoSignInAction": { public: "the demo sign-in; refused unless DEMO_MODE is on, and only for demo accounts" },
  "lib/server/session-actions.ts#oidcSignInAction": { public: "starts the sign-in with the identity provider" },
};

export type HttpMethod = "GET" | "POST";

/** Route handlers, by path pattern (as the folders under app/ spell it) and method. */
export const ROUTE_REGISTRY: Record<string, Partial<Record<HttpMethod, EndpointAccess>>> = {
  "/api/auth/[...nextauth]": {
    GET: { public: "Auth.js: sign-in pages, callbacks and the session" },
    POST: { public: "Auth.js: sign-in and sign-out" },
  },
  "/api/health": { GET: { public: "liveness and database check for the load balancer; no data" } },
  "/api/entities/[entityId]/control-report/uploads": { POST: { permission: "onboarding.entityStep", entity: true } },
  "/api/entities/[entityId]/personnel-imports": { POST: { permission: "personnel.import", entity: true } },
  "/api/entities/[entityId]/position-template": { GET: { permissions: ["onboarding.entityStep", "personnel.read"], entity: true } },
  "/api/entities/[entityId]/position-template/uploads": { POST: { permission: "onboarding.entityStep", entity: true } },
  "/api/entities/[entityId]/step2-report": { GET: { permission: "personnel.read", entity: true } },
  /** Each file by its purpose's permission, for its entity (lib/files/file-access.ts); anyone signed in may ask. */
  "/api/files/[fileId]": { GET: { permission: "jobs.read" } },
  "/api/jobs": { GET: { permission: "jobs.read" } },
  "/api/jobs/[jobRunId]": { GET: { permission: "jobs.read" } },
  "/api/planning": { GET: { permission: "planning.read" } },
  "/api/progress": { GET: { permission: "onboarding.read" } },
  "/api/reference/[kind]/export": { GET: { permission: "reference.read" } },
  "/api/reference/[kind]/imports": { POST: { permission: "reference.write" } },
  "/api/reports/lists": { GET: { permission: "reports.read" } },
  "/api/reports/occupancy": { GET: { permission: "reports.read" } },
};
