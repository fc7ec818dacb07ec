import { randomUUID } from "node:crypto";
import type { PreviewOutcome, UploadedFile } from "@/lib/domain/imports/import-run-store";
import { DEFAULT_UPLOAD_LIMITS } from "@/lib/excel/read/inspect-upload";
import { refuseWritesFromLostPlayground } from "./database";
import { readUploadedFile } from "./read-upload";

/**
 * Reads the uploaded file (multipart field "file", size-limited) of an authorised request, runs its
 * preview and answers it: 200 for a clean preview, 422 for a refused file.
 */
export async function uploadPreviewResponse(
  request: Request,
  preview: (file: UploadedFile, requestId: string) => Promise<PreviewOutcome>,
): Promise<Response> {
  await refuseWritesFromLostPlayground();
  const file = await readUploadedFile(request, DEFAULT_UPLOAD_LIMITS.maxBytes);
  const outcome = await preview(file, request.headers.get("x-request-id") ?? randomUUID());
  return Response.json(outcome, { status: outcome.state === "rejected" ? 422 : 200 });
}
