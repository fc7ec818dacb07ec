import { describe, expect, it } from "vitest";
import type { ParsedRelationRow } from "./parse-personnel-row";
import { validatePersonnelList, type PersonnelReference } from "./validate-personnel-list";

const reference: PersonnelReference = {
  gradeIdByCode: new Map([["A1-ATT", "g1"]]),
  functionProfileIdByCode: new Map([["FP-A-0001", "f1"]]),
  unitIdByCode: new Map([["U1", "u1"]]),
  costCentreIdByCode: new Map([["KP1", "c1"]]),
  foreignRelations: new Map([["999999/1", "Departement Omgeving"]]),
};
const columns = { vlimpers: 0, lastName: 1, firstName: 2, relationNumber: 3, grade: 10, functionCode: 11, unit: 14, costCentre: 16 };

const row = (overrides: Partial<ParsedRelationRow> = {}): ParsedRelationRow => ({
  rowNumber: 2,
  vlimpers: "012345",
  lastName: "Peeters",
  firstName: "An",
  relationNumber: 1,
  kind: "employee",
  nonEmployeeCategory: null,
  legalStatus: "statutory",
  status: "active",
  startDate: "2020-01-01",
  endDate: null,
  gradeCode: "a1-att",
  functionCode: "FP-A-0001",
  fte: "1.000",
  unitCode: "U1",
  costCentreCode: "KP1",
  ...overrides,
});

describe("validatePersonnelList", () => {
  it("resolves codes case-insensitively to ids", () => {
    const { resolved, problems } = validatePersonnelList([row()], reference, columns);
    expect(problems).toEqual([]);
    expect(resolved[0]).toMatchObject({ gradeId: "g1", functionProfileId: "f1", unitId: "u1", costCentreId: "c1" });
  });

  it("still checks the codes of rows that failed parsing, so every problem shows at once", () => {
    const failed = { rowNumber: 7, relationKey: "012399/1", gradeCode: "ZZ", functionCode: "FP-A-0001", unitCode: "U1", costCentreCode: "nope" };
    const { resolved, problems } = validatePersonnelList([row()], reference, columns, [failed]);
    expect(problems.map((p) => [p.rowNumber, p.column])).toEqual([
      [7, 11],
      [7, 17],
    ]);
    expect(resolved.map((r) => r.rowNumber)).toEqual([2]);
  });

  it("refuses a relation listed twice, pointing at the first row", () => {
    const { resolved, problems } = validatePersonnelList([row(), row({ rowNumber: 3 })], reference, columns);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rowNumber: 3, column: 4, severity: "error" });
    expect(problems[0]!.message).toContain("rij 2");
    expect(resolved.map((r) => r.rowNumber)).toEqual([2]);
  });

  it("refuses two names for one person", () => {
    const { problems } = validatePersonnelList([row(), row({ rowNumber: 3, relationNumber: 2, firstName: "Anna" })], reference, columns);
    expect(problems).toEqual([expect.objectContaining({ rowNumber: 3, column: 2, severity: "error" })]);
  });

  it("refuses unknown grade, function code, unit and cost centre, each on its own cell", () => {
    const { resolved, problems } = validatePersonnelList(
      [row({ gradeCode: "Z9", functionCode: "NOPE", unitCode: "X", costCentreCode: "Y" })],
      reference,
      columns,
    );
    expect(resolved).toEqual([]);
    expect(problems.map((p) => p.column).sort((a, b) => a! - b!)).toEqual([11, 12, 15, 17]);
    expect(problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("allows a missing function code", () => {
    const { resolved, problems } = validatePersonnelList([row({ functionCode: null })], reference, columns);
    expect(problems).toEqual([]);
    expect(resolved[0]!.functionProfileId).toBeNull();
  });

  it("refuses a relation that belongs to another entity, naming it", () => {
    const { problems } = validatePersonnelList([row({ vlimpers: "999999" })], reference, columns);
    expect(problems[0]!.message).toContain("Departement Omgeving");
  });
});
