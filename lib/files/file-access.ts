import { entityScope, hasEntityPermission, type Permission, type Principal } from "@/lib/auth/permissions";

/** Which permission on the file's entity it takes to download a file of each purpose. */
const PURPOSE_PERMISSION: Record<string, Permission> = {
  "relations-export": "personnel.read",
  "personnel-list-upload": "personnel.read",
  "personnel-list-problems": "personnel.read",
  "position-template-upload": "personnel.read",
  "position-template-problems": "personnel.read",
  "control-report": "personnel.read",
  "control-report-upload": "personnel.read",
  "control-report-problems": "personnel.read",
  "reference-upload": "reference.write",
  "reference-problems": "reference.write",
};

export function mayDownload(
  principal: Principal,
  file: { entityId: string | null; purpose: string; createdBy: string | null },
): boolean {
  const permission = PURPOSE_PERMISSION[file.purpose] ?? "personnel.read";
  if (file.entityId) return hasEntityPermission(principal, permission, file.entityId);
  // Files of no entity: whoever made them, and those who may act for every entity.
  return file.createdBy === principal.userId || entityScope(principal, permission) === "all";
}
