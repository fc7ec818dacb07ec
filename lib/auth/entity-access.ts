import { AppError } from "@/lib/errors/app-error";
import { hasEntityPermission, type Permission, type Principal } from "./permissions";

/**
 * Entity-scoped check. A user without access to the entity gets "not found", exactly as for an
 * entity that does not exist, so ids of other entities reveal nothing.
 */
export function assertEntityAccess(principal: Principal, permission: Permission, entityId: string): void {
  if (!hasEntityPermission(principal, permission, entityId)) {
    throw new AppError("not_found", "Niet gevonden.");
  }
}
