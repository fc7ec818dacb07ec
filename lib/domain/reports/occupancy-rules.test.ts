import { describe, expect, it } from "vitest";
import { holdsOn, occupancyOn, totalsOf, type LinkFacts, type PositionVersionFacts } from "./occupancy-rules";

const version = (positionId: string, fte: number, extra: Partial<PositionVersionFacts> = {}): PositionVersionFacts => ({
  positionId,
  fte,
  lifecycle: "active",
  validFrom: "2026-01-01",
  validTo: null,
  ...extra,
});
const link = (positionId: string, fte: number, extra: Partial<LinkFacts> = {}): LinkFacts => ({ positionId, fte, validFrom: "2026-01-01", validTo: null, ...extra });

describe("occupancy rules", () => {
  it("holds a dated row from its first day up to, not including, its valid_to", () => {
    expect(holdsOn({ validFrom: "2026-03-01", validTo: "2026-04-01" }, "2026-03-01")).toBe(true);
    expect(holdsOn({ validFrom: "2026-03-01", validTo: "2026-04-01" }, "2026-03-31")).toBe(true);
    expect(holdsOn({ validFrom: "2026-03-01", validTo: "2026-04-01" }, "2026-04-01")).toBe(false);
    expect(holdsOn({ validFrom: "2026-03-01", validTo: null }, "2026-02-28")).toBe(false);
  });

  it("counts a part-timer's FTE, leaving the rest vacant", () => {
    const [p] = occupancyOn("2026-06-01", [version("p", 1)], [link("p", 0.8)]);
    expect(p).toMatchObject({ occupiedFte: 0.8, vacantFte: 0.2, overOccupied: false });
  });

  it("adds up part-timers who share one position", () => {
    const [p] = occupancyOn("2026-06-01", [version("p", 1)], [link("p", 0.5), link("p", 0.5)]);
    expect(p).toMatchObject({ occupiedFte: 1, vacantFte: 0, overOccupied: false });
  });

  it("marks a position whose occupants exceed its FTE as over-occupied, with no negative vacancy", () => {
    const [p] = occupancyOn("2026-06-01", [version("p", 0.8)], [link("p", 0.6), link("p", 0.5)]);
    expect(p).toMatchObject({ occupiedFte: 1.1, vacantFte: 0, overOccupied: true });
  });

  it("does not count a future position or a future link yet, and does count them on their first day", () => {
    const versions = [version("p", 1, { validFrom: "2026-09-01" }), version("q", 1)];
    const links = [link("q", 1, { validFrom: "2026-09-01" })];
    expect(occupancyOn("2026-08-31", versions, links).map((p) => [p.positionId, p.occupiedFte])).toEqual([["q", 0]]);
    expect(occupancyOn("2026-09-01", versions, links).map((p) => [p.positionId, p.occupiedFte])).toEqual([
      ["p", 0],
      ["q", 1],
    ]);
  });

  it("stops counting an ended link (the position becomes vacant) and an abolished position", () => {
    const versions = [version("p", 1), version("q", 1, { validTo: "2026-05-01" }), version("q", 1, { validFrom: "2026-05-01", lifecycle: "abolished" })];
    const links = [link("p", 1, { validTo: "2026-03-01" }), link("q", 1)];
    const on = occupancyOn("2026-06-01", versions, links);
    expect(on.map((p) => [p.positionId, p.occupiedFte, p.vacantFte])).toEqual([["p", 0, 1]]);
    expect(occupancyOn("2026-04-01", versions, links).map((p) => p.positionId)).toEqual(["p", "q"]);
  });

  it("keeps frozen positions in the plan and says so", () => {
    const [p] = occupancyOn("2026-06-01", [version("p", 1, { lifecycle: "frozen" })], []);
    expect(p).toMatchObject({ frozen: true, vacantFte: 1 });
  });

  it("totals positions, FTE, occupied and vacant FTE without floating-point dust", () => {
    const rows = occupancyOn("2026-06-01", [version("a", 0.1), version("b", 0.2), version("c", 0.8)], [link("a", 0.1), link("c", 0.9)]);
    expect(totalsOf(rows)).toEqual({ positions: 3, fte: 1.1, occupiedFte: 1, vacantFte: 0.2, overOccupied: 1, frozen: 0 });
  });
});
