import { describe, expect, it } from "vitest";
import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import { checkControlRow, checkControlRows, type ControlContext, type ControlRelation, type ControlRowValues } from "./control-rules";

const relation = (overrides: Partial<ControlRelation> = {}): ControlRelation => ({ relationId: "rel-1", fte: 1, linkedTo: [], inPersonnelList: true, ...overrides });

function contextWith(relations: Record<number, ControlRelation> = { 1: relation() }): ControlContext {
  return {
    positions: new Map([
      [101, { requestId: "req-101", positionId: "pos-101", fte: 1 }],
      [102, { requestId: "req-102", positionId: "pos-102", fte: 0.5 }],
    ]),
    persons: new Map([["012345", { name: "Peeters An", relations: new Map(Object.entries(relations).map(([n, r]) => [Number(n), r])) }]]),
  };
}

const row = (overrides: Partial<ControlRowValues> = {}): ControlRowValues => ({
  rowNumber: 2,
  positionNumber: 101,
  vlimpers: "012345",
  relationNumber: 1,
  unreadable: [],
  ...overrides,
});

function check(values: ControlRowValues, context = contextWith()) {
  const problems: { key: string; severity: CellProblem["severity"]; message: string }[] = [];
  const resolved = checkControlRow(values, context, (key, severity, message) => problems.push({ key, severity, message }));
  return { resolved, problems };
}

describe("a control-report row (step 5)", () => {
  it("assigns the relation to the row's position", () => {
    expect(check(row())).toEqual({ resolved: { rowNumber: 2, requestId: "req-101", relationId: "rel-1" }, problems: [] });
  });

  it("leaves the position vacant when both orange columns are empty", () => {
    expect(check(row({ vlimpers: null, relationNumber: null }))).toEqual({ resolved: { rowNumber: 2, requestId: "req-101", relationId: null }, problems: [] });
  });

  it("asks for the missing half when only one orange column is filled", () => {
    expect(check(row({ relationNumber: null })).problems).toEqual([expect.objectContaining({ key: "relationNumber", severity: "error" })]);
    expect(check(row({ vlimpers: null })).problems).toEqual([expect.objectContaining({ key: "vlimpers", severity: "error" })]);
  });

  it("refuses a position step 4 did not make for this entity", () => {
    const { resolved, problems } = check(row({ positionNumber: 999 }));
    expect(resolved).toBeNull();
    expect(problems[0]).toMatchObject({ key: "positionNumber", message: expect.stringMatching(/999 is geen arbeidsplaats die stap 4/) });
  });

  it("refuses an unknown person, and a relation the person does not have, naming the ones they have", () => {
    expect(check(row({ vlimpers: "999999" })).problems[0]).toMatchObject({ key: "vlimpers", message: expect.stringMatching(/geen personeelslid met Vlimpersnummer 999999/) });
    const context = contextWith({ 1: relation(), 3: relation({ relationId: "rel-3" }) });
    expect(check(row({ relationNumber: 2 }), context).problems[0]).toMatchObject({ key: "relationNumber", message: expect.stringMatching(/geen arbeidsrelatie 2 .*wel: 1, 3/) });
  });

  it("refuses a relation linked to another position, but not one step 6 already linked to this row's own", () => {
    const elsewhere = check(row(), contextWith({ 1: relation({ linkedTo: ["pos-102"] }) }));
    expect(elsewhere.resolved).toBeNull();
    expect(elsewhere.problems[0]!.message).toMatch(/al gekoppeld aan een andere arbeidsplaats/);
    expect(check(row(), contextWith({ 1: relation({ linkedTo: ["pos-101"] }) }))).toMatchObject({ resolved: { relationId: "rel-1" }, problems: [] });
  });

  it("refuses a relation whose FTE does not fit the position", () => {
    const { resolved, problems } = check(row({ positionNumber: 102 }));
    expect(resolved).toBeNull();
    expect(problems[0]!.message).toMatch(/past niet in arbeidsplaats 102/);
  });

  it("accepts a relation no longer in the personnel list, with a warning", () => {
    const { resolved, problems } = check(row(), contextWith({ 1: relation({ inPersonnelList: false }) }));
    expect(resolved).not.toBeNull();
    expect(problems).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringMatching(/niet meer in de personeelslijst/) })]);
  });
});

describe("the control report as a whole", () => {
  const columns = { positionNumber: 0, vlimpers: 1, relationNumber: 2 };

  it("refuses a position or relation named twice, and warns for positions missing from the file", () => {
    const rows = [row({ rowNumber: 2 }), row({ rowNumber: 3 })].map((values) => ({ values, readProblems: [] }));
    const { resolved, problems, missingPositions } = checkControlRows(rows, contextWith(), columns, 1);
    expect(resolved).toHaveLength(1);
    expect(problems.filter((p) => p.severity === "error").map((p) => p.rowNumber)).toEqual([3, 3]);
    expect(missingPositions).toBe(1);
    expect(problems[0]).toMatchObject({ rowNumber: 1, severity: "warning", message: expect.stringMatching(/1 arbeidsplaats staat niet in het bestand en blijft vacant: 102/) });
  });
});
