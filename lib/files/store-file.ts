import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { storedFiles } from "@/db/schema";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface NewFile {
  entityId: string | null;
  purpose: string;
  fileName: string;
  contentType: string;
  content: Buffer;
  createdBy: string | null;
}

export async function storeFile(tx: DbOrTx, file: NewFile): Promise<{ id: string }> {
  const [row] = await tx
    .insert(storedFiles)
    .values({
      ...file,
      sizeBytes: file.content.byteLength,
      sha256: createHash("sha256").update(file.content).digest("hex"),
    })
    .returning({ id: storedFiles.id });
  return row!;
}

export async function findFileMeta(db: DbOrTx, fileId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) return null;
  const [row] = await db
    .select({
      id: storedFiles.id,
      entityId: storedFiles.entityId,
      purpose: storedFiles.purpose,
      fileName: storedFiles.fileName,
      contentType: storedFiles.contentType,
      createdBy: storedFiles.createdBy,
    })
    .from(storedFiles)
    .where(eq(storedFiles.id, fileId));
  return row ?? null;
}

export async function readFileContent(db: DbOrTx, fileId: string): Promise<Buffer | null> {
  const [row] = await db.select({ content: storedFiles.content }).from(storedFiles).where(and(eq(storedFiles.id, fileId)));
  return row?.content ?? null;
}
