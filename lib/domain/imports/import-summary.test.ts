import { describe, expect, it } from "vitest";
import { importChangesNothing } from "./import-summary";

const summary = { rows: 10, added: 0, changed: 0, unchanged: 9, gone: 1, errors: 0, warnings: 0 };

describe("importChangesNothing", () => {
  it("counts records missing from a personnel list as a change: they get flagged", () => {
    expect(importChangesNothing(summary, "flagged")).toBe(false);
    expect(importChangesNothing({ ...summary, gone: 0 }, "flagged")).toBe(true);
  });
  it("does not count records missing from a reference list: they are left alone", () => {
    expect(importChangesNothing(summary, "leftAlone")).toBe(true);
    expect(importChangesNothing({ ...summary, changed: 1 }, "leftAlone")).toBe(false);
    expect(importChangesNothing({ ...summary, added: 1 }, "leftAlone")).toBe(false);
  });
});
