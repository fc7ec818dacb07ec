import { AppError, httpStatusOf } from "@/lib/errors/app-error";

/** Route handlers answer expected errors with their status and message (an upload over the limit: 413), anything else with a bare 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError && error.details?.status === 413) {
    return Response.json({ error: { code: "too_large", message: error.message } }, { status: 413 });
  }
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message } }, { status: httpStatusOf(error.code) });
  }
  console.error("[route] unexpected error", error);
  return Response.json({ error: { code: "internal", message: "Er ging iets mis." } }, { status: 500 });
}
