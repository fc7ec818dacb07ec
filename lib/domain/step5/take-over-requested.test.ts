import { describe, expect, it } from "vitest";
import type { ControlContext } from "./control-rules";
import { planTakeOver, type PositionChoice } from "./take-over-requested";

const context: ControlContext = {
  positions: new Map([
    [501, { requestId: "q1", positionId: "p1", fte: 1 }],
    [502, { requestId: "q2", positionId: "p2", fte: 0.5 }],
    [503, { requestId: "q3", positionId: "p3", fte: 1 }],
    [504, { requestId: "q4", positionId: "p4", fte: 1 }],
    [505, { requestId: "q5", positionId: "p5", fte: 1 }],
    [506, { requestId: "q6", positionId: "p6", fte: 1 }],
  ]),
  persons: new Map([
    ["000001", { name: "Peeters An", relations: new Map([[1, { relationId: "r1", fte: 1, linkedTo: [], inPersonnelList: true }]]) }],
    ["000002", { name: "Maes Tom", relations: new Map([[1, { relationId: "r2", fte: 1, linkedTo: [], inPersonnelList: true }]]) }],
    ["000003", { name: "Claes Els", relations: new Map([[2, { relationId: "r3", fte: 1, linkedTo: [], inPersonnelList: false }]]) }],
    ["000004", { name: "Wouters Jan", relations: new Map([[1, { relationId: "r4", fte: 1, linkedTo: ["elsewhere"], inPersonnelList: true }]]) }],
  ]),
};

const position = (number: number, requested: [string, number] | null, assignedRelationId: string | null = null): PositionChoice => ({
  requestId: `q${number - 500}`,
  positionNumber: number,
  requested: requested && { vlimpers: requested[0], relationNumber: requested[1] },
  assignedRelationId,
});

describe("taking over the person named in step 3", () => {
  it("gives each position without a choice its named person", () => {
    const plan = planTakeOver([position(501, ["000001", 1]), position(503, null)], context);
    expect(plan).toEqual({ assignments: [{ requestId: "q1", positionNumber: 501, relationId: "r1" }], skipped: [], alreadyChosen: 0, named: 1 });
  });

  it("never overwrites a choice, and skips a named person already chosen for another position", () => {
    const plan = planTakeOver([position(501, ["000001", 1], "r2"), position(503, ["000002", 1])], context);
    expect(plan.alreadyChosen).toBe(1);
    expect(plan.named).toBe(2);
    expect(plan.assignments).toEqual([]);
    expect(plan.skipped).toEqual([{ positionNumber: 503, reason: "Arbeidsrelatie 000002/1 gaat al naar arbeidsplaats 501." }]);
  });

  it("skips what the upload would refuse or question: too big for the position, linked elsewhere, no longer in the list", () => {
    const plan = planTakeOver([position(502, ["000001", 1]), position(504, ["000004", 1]), position(505, ["000003", 2]), position(506, ["000009", 1])], context);
    expect(plan.assignments).toEqual([]);
    expect(plan.skipped.map((s) => s.positionNumber)).toEqual([502, 504, 505, 506]);
    expect(plan.skipped[0]!.reason).toMatch(/past niet in arbeidsplaats 502/);
    expect(plan.skipped[1]!.reason).toMatch(/al gekoppeld aan een andere arbeidsplaats/);
    expect(plan.skipped[2]!.reason).toMatch(/niet meer in de personeelslijst/);
    expect(plan.skipped[3]!.reason).toMatch(/geen personeelslid met Vlimpersnummer 000009/);
  });

  it("gives a person named twice to the first position only", () => {
    const plan = planTakeOver([position(501, ["000001", 1]), position(503, ["000001", 1])], context);
    expect(plan.assignments.map((a) => a.positionNumber)).toEqual([501]);
    expect(plan.skipped).toEqual([{ positionNumber: 503, reason: "Arbeidsrelatie 000001/1 gaat al naar arbeidsplaats 501." }]);
  });
});
