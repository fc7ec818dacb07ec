import "server-only";
import { assertEntityAccess } from "@/lib/auth/entity-access";
import { requirePermission } from "@/lib/auth/guards";
import type { Permission, Principal } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { isReferenceKindKey, type ReferenceKindKey } from "./reference-kinds";
import { referenceOwner } from "./save-reference";

/**
 * The signed-in user, allowed `permission` on this kind of reference data: for units and cost
 * centres on that entity (a foreign entity answers "not found"), for shared kinds everywhere.
 */
export async function requireReferenceAccess(
  permission: Permission,
  kind: string,
  entityId: string | null | undefined,
): Promise<{ principal: Principal; kind: ReferenceKindKey; entityId: string | null }> {
  if (!isReferenceKindKey(kind)) throw new AppError("not_found", "Niet gevonden.");
  const principal = await requirePermission(permission);
  const owner = referenceOwner(kind, entityId ?? null);
  if (owner) {
    if (!/^[0-9a-f-]{36}$/i.test(owner)) throw new AppError("not_found", "Niet gevonden.");
    assertEntityAccess(principal, permission, owner);
  }
  return { principal, kind, entityId: owner };
}
