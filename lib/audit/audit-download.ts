import "server-only";
import { headers } from "next/headers";
import { currentPrincipal } from "@/lib/auth/guards";
import { db } from "@/lib/server/database";
import { recordAudit } from "./record-audit";

/**
 * Every download (an export of data) leaves an audit row: who took what, of which entity. Written
 * before the file goes out; if it cannot be written, the download fails rather than go unrecorded.
 */
export async function auditDownload(what: string, details: { fileName: string; entityId?: string | null; objectId?: string | null }): Promise<void> {
  const principal = await currentPrincipal();
  await recordAudit(await db(), {
    actorId: principal?.userId ?? null,
    action: "export.download",
    objectType: what,
    objectId: details.objectId ?? null,
    entityId: details.entityId ?? null,
    after: { fileName: details.fileName },
    requestId: (await headers()).get("x-request-id"),
  });
}
