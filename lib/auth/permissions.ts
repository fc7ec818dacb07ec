/**
 * The permission map: which roles may do what. Every page, server action and route handler
 * asks for one of these permissions; nothing checks roles directly.
 * A grant with an entity applies to that entity; a grant without one applies to all entities.
 */
export const ROLES = ["central_expert", "entity_hr", "manager"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "entities.read": ["central_expert", "entity_hr", "manager"],
  "entities.manage": ["central_expert"],
  "reference.read": ["central_expert", "entity_hr"],
  "reference.write": ["central_expert"],
  "personnel.read": ["central_expert", "entity_hr"],
  "personnel.import": ["central_expert"],
  "positions.read": ["central_expert", "entity_hr", "manager"],
  "positions.write": ["central_expert", "entity_hr"],
  "onboarding.read": ["central_expert", "entity_hr", "manager"],
  "onboarding.runAutomatedStep": ["central_expert"],
  "onboarding.entityStep": ["central_expert", "entity_hr"],
  "onboarding.reopen": ["central_expert"],
  "planning.read": ["central_expert", "entity_hr", "manager"],
  "planning.manage": ["central_expert"],
  "planning.choose": ["central_expert", "entity_hr"],
  "agreements.read": ["central_expert", "entity_hr"],
  "agreements.write": ["central_expert"],
  "reports.read": ["central_expert", "entity_hr", "manager"],
  "exports.create": ["central_expert", "entity_hr", "manager"],
  "jobs.read": ["central_expert", "entity_hr", "manager"],
  "audit.read": ["central_expert"],
  "playground.use": ["central_expert", "entity_hr", "manager"],
  "playground.manage": ["central_expert"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * In a playground its owner also does what the central team does for an entity (start the
 * automated steps, import the personnel list, reopen a step), so the whole onboarding can be
 * tried alone. The playground's database holds nothing else, so this reaches nothing real.
 */
export const PLAYGROUND_EXTRA_PERMISSIONS: readonly Permission[] = ["onboarding.runAutomatedStep", "onboarding.reopen", "personnel.import"];

export interface Grant {
  role: Role;
  /** null: every entity. */
  entityId: string | null;
}

export interface Principal {
  userId: string;
  email: string;
  name: string;
  grants: readonly Grant[];
  /** Set when the request works in one of the user's playgrounds. */
  inPlayground?: boolean;
}

function grantsFor(principal: Principal, permission: Permission): Grant[] {
  if (principal.inPlayground && PLAYGROUND_EXTRA_PERMISSIONS.includes(permission)) return [...principal.grants];
  const roles: readonly Role[] = PERMISSIONS[permission];
  return principal.grants.filter((g) => roles.includes(g.role));
}

/** May the principal do this at all (for some entity)? */
export function hasPermission(principal: Principal, permission: Permission): boolean {
  return grantsFor(principal, permission).length > 0;
}

/** May the principal do this for this entity? */
export function hasEntityPermission(principal: Principal, permission: Permission, entityId: string): boolean {
  return grantsFor(principal, permission).some((g) => g.entityId === null || g.entityId === entityId);
}

/** The entities the principal may do this for: "all", or a list (possibly empty). */
export function entityScope(principal: Principal, permission: Permission): "all" | string[] {
  return scopeOf(grantsFor(principal, permission));
}

/** Every entity any of the principal's grants reaches, whatever the permission: what the database lets their requests see. */
export function grantedScope(principal: Principal): "all" | string[] {
  return scopeOf(principal.grants);
}

function scopeOf(grants: readonly Grant[]): "all" | string[] {
  if (grants.some((g) => g.entityId === null)) return "all";
  return [...new Set(grants.map((g) => g.entityId as string))].sort();
}

const ROLE_PRECEDENCE: readonly Role[] = ["central_expert", "entity_hr", "manager"];

/** The role whose home page the user lands on when they hold several. */
export function primaryRole(principal: Principal): Role | null {
  return ROLE_PRECEDENCE.find((r) => principal.grants.some((g) => g.role === r)) ?? null;
}
