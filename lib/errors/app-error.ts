/**
 * Errors the user is meant to see. Anything else is logged and shown as a generic message.
 * "not_found" is also what a forbidden row answers, so a foreign id reveals nothing.
 */
export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid_input" | "conflict";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Niet gevonden") => new AppError("not_found", what);

export function httpStatusOf(code: AppErrorCode): number {
  return { unauthenticated: 401, forbidden: 403, not_found: 404, invalid_input: 422, conflict: 409 }[code];
}
