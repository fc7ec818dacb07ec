import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors/app-error";
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
export async function requireUser(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) throw new AppError("unauthenticated", "Meld je aan om verder te gaan.");
  return principal;
}

export async function requirePermission(permission: Permission): Promise<Principal> {
  const principal = await requireUser();
  if (!hasPermission(principal, permission)) throw new AppError("forbidden", "Je hebt geen toegang tot deze actie.");
  return principal;
}

/** Entity-scoped check for actions and route handlers; a foreign entity answers "not found". */
export async function requireEntityAccess(permission: Permission, entityId: string): Promise<Principal> {
  const principal = await requireUser();
  assertEntityAccess(principal, permission, entityId);
  return principal;
}

export { assertEntityAccess };
