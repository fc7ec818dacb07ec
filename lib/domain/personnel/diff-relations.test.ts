import { describe, expect, it } from "vitest";
import { diffRelations, type StoredRelation } from "./diff-relations";
import type { ResolvedRelationRow } from "./validate-personnel-list";

const row = (overrides: Partial<ResolvedRelationRow> = {}): ResolvedRelationRow => ({
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
  gradeCode: "A1",
  functionCode: "FP-1",
  fte: "1.000",
  unitCode: "U1",
  costCentreCode: null,
  gradeId: "g1",
  functionProfileId: "f1",
  unitId: "u1",
  costCentreId: null,
  ...overrides,
});

const stored = (overrides: Partial<StoredRelation> = {}): StoredRelation => {
  const { rowNumber: _r, gradeCode: _g, functionCode: _f, unitCode: _u, costCentreCode: _c, ...rest } = row();
  return { id: "rel-1", inPersonnelList: true, ...rest, ...overrides };
};

describe("diffRelations", () => {
  it("finds nothing to do when the file matches what is stored", () => {
    const diff = diffRelations([row()], [stored()]);
    expect(diff).toMatchObject({ added: [], changed: [], unchanged: 1, gone: [] });
  });

  it("treats 1 and 1.000 FTE as the same", () => {
    expect(diffRelations([row({ fte: "1.000" })], [stored({ fte: "1" })]).unchanged).toBe(1);
  });

  it("lists the changed fields of a relation", () => {
    const diff = diffRelations([row({ fte: "0.800", status: "leave", lastName: "Peeters-Maes" })], [stored()]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.fields.sort()).toEqual(["fte", "lastName", "status"]);
  });

  it("adds relations that are new, also a second relation of a known person", () => {
    const diff = diffRelations([row(), row({ relationNumber: 2, rowNumber: 3 })], [stored()]);
    expect(diff.added.map((r) => r.relationNumber)).toEqual([2]);
    expect(diff.unchanged).toBe(1);
  });

  it("flags relations no longer in the list, once", () => {
    const gone = stored({ id: "rel-2", relationNumber: 2 });
    const alreadyGone = stored({ id: "rel-3", relationNumber: 3, inPersonnelList: false });
    const diff = diffRelations([row()], [stored(), gone, alreadyGone]);
    expect(diff.gone.map((g) => g.id)).toEqual(["rel-2"]);
  });

  it("brings back a relation that reappears in the list", () => {
    const diff = diffRelations([row()], [stored({ inPersonnelList: false })]);
    expect(diff.changed[0]!.fields).toEqual(["inPersonnelList"]);
  });
});
