import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STEP1_REASONS } from "@/lib/domain/step1/step1-rules";
import { UNLINKED_REASONS, unlinkedReason, unlinkedReasonMessage } from "./plan-list-reasons";

const eligible = { linkedLater: false, step1Reason: null };

describe("why a relation has no position on the date", () => {
  it("says step 1 has not run yet for an entity where it never ran, not that the relation came after the run", () => {
    expect(unlinkedReason({ ...eligible, step1HasRun: false })).toBe("step1_not_run");
  });

  it("says the relation was added or unlinked after the run once step 1 ran for the entity", () => {
    expect(unlinkedReason({ ...eligible, step1HasRun: true })).toBe("after_run");
  });

  it("gives step 1's own reason whether or not it ran", () => {
    for (const step1HasRun of [false, true]) {
      for (const reason of STEP1_REASONS) expect(unlinkedReason({ linkedLater: false, step1Reason: reason, step1HasRun })).toBe(reason);
    }
  });

  it("says so first when a link starts later", () => {
    for (const step1HasRun of [false, true]) {
      expect(unlinkedReason({ linkedLater: true, step1Reason: "no_function_code", step1HasRun })).toBe("linked_later");
      expect(unlinkedReason({ linkedLater: true, step1Reason: null, step1HasRun })).toBe("linked_later");
    }
  });

  it("has a label for every reason, in both languages", () => {
    for (const locale of ["nl-BE", "en"]) {
      const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../../messages/${locale}.json`), "utf8")) as Record<string, Record<string, string>>;
      for (const reason of UNLINKED_REASONS) {
        const { namespace, key } = unlinkedReasonMessage(reason);
        expect(messages[namespace]?.[key], `${locale} ${namespace}.${key}`).toEqual(expect.any(String));
      }
    }
    expect(unlinkedReasonMessage("step1_not_run")).toEqual({ namespace: "planLists", key: "reason_step1_not_run" });
  });
});
