import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { assertEntityAccess } from "./entity-access";
import {
  entityScope,
  grantedScope,
  hasEntityPermission,
  hasPermission,
  PERMISSIONS,
  primaryRole,
  ROLES,
  type Principal,
} from "./permissions";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";

const principal = (grants: Principal["grants"]): Principal => ({ userId: "u", email: "u@x", name: "U", grants });
const expert = principal([{ role: "central_expert", entityId: null }]);
const hrA = principal([{ role: "entity_hr", entityId: A }]);
const hrAB = principal([
  { role: "entity_hr", entityId: A },
  { role: "entity_hr", entityId: B },
]);
const managerAC = principal([
  { role: "manager", entityId: A },
  { role: "manager", entityId: C },
]);
const governmentManager = principal([{ role: "manager", entityId: null }]);
const nobody = principal([]);

describe("permission map", () => {
  it("names only known roles", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect(ROLES).toContain(role);
  });

  it("lets managers change nothing", () => {
    const writes = Object.keys(PERMISSIONS).filter((p) => /write|manage|import|run|reopen|choose|entityStep|upload/i.test(p));
    expect(writes.length).toBeGreaterThan(5);
    for (const permission of writes) expect(PERMISSIONS[permission as keyof typeof PERMISSIONS]).not.toContain("manager");
  });

  it("keeps the automated steps, imports and reference data for central experts", () => {
    expect(PERMISSIONS["onboarding.runAutomatedStep"]).toEqual(["central_expert"]);
    expect(PERMISSIONS["personnel.import"]).toEqual(["central_expert"]);
    expect(PERMISSIONS["reference.write"]).toEqual(["central_expert"]);
    expect(PERMISSIONS["onboarding.reopen"]).toEqual(["central_expert"]);
  });
});

describe("hasEntityPermission", () => {
  it("gives a central expert every entity", () => {
    expect(hasEntityPermission(expert, "positions.write", A)).toBe(true);
    expect(hasEntityPermission(expert, "onboarding.runAutomatedStep", B)).toBe(true);
  });

  it("limits an HR officer to their own entity", () => {
    expect(hasEntityPermission(hrA, "positions.write", A)).toBe(true);
    expect(hasEntityPermission(hrA, "positions.write", B)).toBe(false);
    expect(hasEntityPermission(hrA, "positions.read", B)).toBe(false);
  });

  it("refuses an HR officer the central agency's actions even on their own entity", () => {
    expect(hasEntityPermission(hrA, "onboarding.runAutomatedStep", A)).toBe(false);
    expect(hasEntityPermission(hrA, "personnel.import", A)).toBe(false);
  });

  it("serves an HR officer of two entities on both, and only those", () => {
    expect(hasEntityPermission(hrAB, "positions.write", A)).toBe(true);
    expect(hasEntityPermission(hrAB, "positions.write", B)).toBe(true);
    expect(hasEntityPermission(hrAB, "positions.write", C)).toBe(false);
  });

  it("lets a manager read the granted entities and write none", () => {
    expect(hasEntityPermission(managerAC, "reports.read", A)).toBe(true);
    expect(hasEntityPermission(managerAC, "reports.read", B)).toBe(false);
    expect(hasEntityPermission(managerAC, "positions.write", A)).toBe(false);
    expect(hasEntityPermission(managerAC, "personnel.read", A)).toBe(false);
    expect(hasEntityPermission(governmentManager, "reports.read", B)).toBe(true);
    expect(hasEntityPermission(governmentManager, "positions.write", B)).toBe(false);
  });

  it("refuses a user without grants everything", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(hasPermission(nobody, permission)).toBe(false);
      expect(hasEntityPermission(nobody, permission, A)).toBe(false);
    }
  });
});

describe("entityScope", () => {
  it("is 'all' for global grants and the granted list otherwise", () => {
    expect(entityScope(expert, "entities.read")).toBe("all");
    expect(entityScope(governmentManager, "reports.read")).toBe("all");
    expect(entityScope(hrAB, "entities.read")).toEqual([A, B]);
    expect(entityScope(managerAC, "reports.read")).toEqual([A, C]);
    expect(entityScope(managerAC, "personnel.read")).toEqual([]);
    expect(entityScope(nobody, "entities.read")).toEqual([]);
  });
});

describe("grantedScope", () => {
  it("is every entity any grant reaches, whatever its role: 'all' as soon as one grant has no entity", () => {
    expect(grantedScope(expert)).toBe("all");
    expect(grantedScope(principal([...hrA.grants, ...governmentManager.grants]))).toBe("all");
    expect(grantedScope(principal([...managerAC.grants, ...hrAB.grants]))).toEqual([A, B, C]);
    expect(grantedScope(nobody)).toEqual([]);
  });
});

describe("primaryRole", () => {
  it("prefers expert over HR over manager", () => {
    expect(primaryRole(principal([...managerAC.grants, ...hrA.grants]))).toBe("entity_hr");
    expect(primaryRole(principal([...hrA.grants, ...expert.grants]))).toBe("central_expert");
    expect(primaryRole(managerAC)).toBe("manager");
    expect(primaryRole(nobody)).toBeNull();
  });
});

describe("assertEntityAccess", () => {
  it("answers a foreign entity with not_found, never forbidden", () => {
    expect(() => assertEntityAccess(hrA, "positions.write", A)).not.toThrow();
    let error: unknown;
    try {
      assertEntityAccess(hrA, "positions.write", B);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("not_found");
  });

  it("answers not_found when the role lacks the permission on its own entity", () => {
    expect(() => assertEntityAccess(managerAC, "positions.write", A)).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(() => assertEntityAccess(nobody, "entities.read", A)).toThrow(AppError);
  });
});

describe("permissions in a playground", () => {
  const hr: Principal = { userId: "u", email: "e", name: "n", grants: [{ role: "entity_hr", entityId: "A" }] };
  it("lets the owner start the central team's steps for the playground's entity only", () => {
    expect(hasEntityPermission(hr, "onboarding.runAutomatedStep", "A")).toBe(false);
    expect(hasEntityPermission({ ...hr, inPlayground: true }, "onboarding.runAutomatedStep", "A")).toBe(true);
    expect(hasEntityPermission({ ...hr, inPlayground: true }, "onboarding.runAutomatedStep", "B")).toBe(false);
    expect(hasEntityPermission({ ...hr, inPlayground: true }, "personnel.import", "A")).toBe(true);
  });
  it("adds nothing else", () => {
    expect(hasPermission({ ...hr, inPlayground: true }, "reference.write")).toBe(false);
    expect(hasPermission({ ...hr, inPlayground: true }, "playground.manage")).toBe(false);
  });
});
