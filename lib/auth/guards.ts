import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
import { headers } from "next/headers";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestDatabase } from "@/lib/server/database";
import { auth } from "./auth";
import { assertEntityAccess } from "./entity-access";
import { hasPermission, type Permission, type Principal } from "./permissions";
import { loadPrincipal } from "./principal-queries";

/** The current principal, or null when signed out, deactivated or unknown. Cached per request. */
export const currentPrincipal = cache(async (): Promise<Principal | null> => {
  const session = await auth();
  if (!session?.uid) return null;
  const { handle, playground } = await requestDatabase();
  // In a playground the user's grants are those of its own database: their role, on its one entity.
  const principal = await loadPrincipal(handle.db, session.uid);
  return principal && playground ? { ...principal, inPlayground: true } : principal;
});

/** For pages: sends an anonymous visitor to the sign-in page. */
export async function requireUserForPage(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect("/signin");
  return principal;
}

/** For actions and route handlers. */
export async function requireUser(permission?: Permission): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) {
    await auditRefusal(null, { code: "unauthenticated", permission });
    throw new AppError("unauthenticated", "Meld je aan om verder te gaan.");
  }
  return principal;
}

export async function requirePermission(permission: Permission): Promise<Principal> {
  const principal = await requireUser(permission);
  if (!hasPermission(principal, permission)) {
    await auditRefusal(principal, { code: "forbidden", permission });
    throw new AppError("forbidden", "Je hebt geen toegang tot deze actie.");
  }
  return principal;
}

/**
 * Entity-scoped check for actions and route handlers: a role that never has the permission is
 * "forbidden" (as for actions); a foreign entity answers "not found".
 */
export async function requireEntityAccess(permission: Permission, entityId: string): Promise<Principal> {
  const principal = await requirePermission(permission);
  await checkEntityAccess(principal, permission, entityId);
  return principal;
}

/** assertEntityAccess, with the refusal written to the audit log. */
export async function checkEntityAccess(principal: Principal, permission: Permission, entityId: string): Promise<void> {
  try {
    assertEntityAccess(principal, permission, entityId);
  } catch (error) {
    await auditRefusal(principal, { code: "not_found", permission, entityId });
    throw error;
  }
}

/**
 * Every refused request leaves an audit row ("access.refused": who, which permission, which entity
 * was asked for). The entity goes in the details, not the foreign key: it may not exist at all.
 * A failing audit write is logged and does not turn the refusal into something else.
 */
async function auditRefusal(principal: Principal | null, details: { code: string; permission?: Permission; entityId?: string }): Promise<void> {
  try {
    const { handle } = await requestDatabase();
    const requestId = (await headers()).get("x-request-id");
    await recordAudit(handle.db, {
      actorId: principal?.userId ?? null,
      action: "access.refused",
      objectType: "permission",
      objectId: details.permission ?? null,
      after: { code: details.code, entityId: details.entityId ?? null },
      requestId,
    });
  } catch (error) {
    console.error("[audit] could not record a refusal", error);
  }
}

export { assertEntityAccess };
