import { describe, expect, it } from "vitest";
import { compareOccupancy, occupancyChange, type OccupancyGroup } from "./occupancy-report";

const group = (key: string, positions: number, fte: number, occupiedFte: number): OccupancyGroup => ({
  key,
  label: `Groep ${key}`,
  positions,
  fte,
  occupiedFte,
  vacantFte: Math.max(fte - occupiedFte, 0),
  overOccupied: 0,
  frozen: 0,
});

describe("occupancyChange", () => {
  it("gives per group what changed between two dates, also for groups on one date only, without floating-point dust", () => {
    const earlier = [group("A", 10, 9.5, 8.1), group("B", 2, 2, 2)];
    const later = [group("A", 12, 11.3, 8.2), group("C", 1, 0.8, 0)];
    expect(occupancyChange(earlier, later)).toEqual([
      { key: "A", label: "Groep A", positions: 2, fte: 1.8, occupiedFte: 0.1, vacantFte: 1.7 },
      { key: "B", label: "Groep B", positions: -2, fte: -2, occupiedFte: -2, vacantFte: 0 },
      { key: "C", label: "Groep C", positions: 1, fte: 0.8, occupiedFte: 0, vacantFte: 0.8 },
    ]);
  });
});

describe("compareOccupancy", () => {
  // A position that starts on 1 January 2027: not there on 5 December 2026, there on 1 January 2027.
  const december = { date: "2026-12-05", groups: [group("A", 10, 9, 8)] };
  const january = { date: "2027-01-01", groups: [group("A", 11, 10, 8)] };
  const forward = { from: "2026-12-05", to: "2027-01-01", changes: [{ key: "A", label: "Groep A", positions: 1, fte: 1, occupiedFte: 0, vacantFte: 1 }] };

  it("reads from the earlier date to the later one when the date shown is the later", () => {
    expect(compareOccupancy(january, december)).toEqual(forward);
  });

  it("reads from the earlier date to the later one when the date shown is the earlier (the compared date lies ahead)", () => {
    expect(compareOccupancy(december, january)).toEqual(forward);
  });

  it("shows no change between a date and itself", () => {
    expect(compareOccupancy(december, december)).toEqual({ from: "2026-12-05", to: "2026-12-05", changes: [{ key: "A", label: "Groep A", positions: 0, fte: 0, occupiedFte: 0, vacantFte: 0 }] });
  });
});
