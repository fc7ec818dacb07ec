import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "./route-errors";

describe("errorResponse", () => {
  it("answers an upload over the limit with 413 and its message", async () => {
    const response = errorResponse(new AppError("invalid_input", "Het bestand is groter dan 20 MB.", { status: 413 }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "too_large", message: "Het bestand is groter dan 20 MB." } });
  });

  it("answers a foreign or missing row with 404, and anything unexpected with a bare 500", async () => {
    expect(errorResponse(new AppError("not_found", "Niet gevonden.")).status).toBe(404);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = errorResponse(new Error("select * from secrets"));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secrets");
    log.mockRestore();
  });
});
