import { describe, expect, it } from "vitest";
import { isOverOccupied } from "@/lib/domain/reports/occupancy-rules";
import { occupantsFit, peakOccupation, type OccupantLink } from "./occupant-fit";

const link = (occupant: string, fte: number, validFrom: string, validTo: string | null = null): OccupantLink => ({ occupant, fte, validFrom, validTo });

describe("occupantsFit", () => {
  it("fits up to the position's FTE, and not above it", () => {
    expect(occupantsFit(1, 1)).toBe(true);
    expect(occupantsFit(0.8, 0.5)).toBe(true);
    expect(occupantsFit(0.5, 0.8)).toBe(false);
  });

  it("takes rounding below a thousandth for a fit", () => {
    expect(occupantsFit(0.333, 0.3334)).toBe(true);
    expect(occupantsFit(0.333, 0.334)).toBe(false);
  });

  it("is the reports' over-occupation seen beforehand", () => {
    for (const [position, occupied] of [[1, 1], [1, 1.2], [0.5, 0.5004], [0.8, 0.9]] as const) {
      expect(occupantsFit(position, occupied)).toBe(!isOverOccupied(occupied, position));
    }
  });
});

describe("peakOccupation", () => {
  it("is null when nobody holds the position from the date on", () => {
    expect(peakOccupation([], "2026-01-01")).toBeNull();
    expect(peakOccupation([link("A", 1, "2025-01-01", "2026-01-01")], "2026-01-01")).toBeNull();
  });

  it("sums the links that hold at once on the date", () => {
    const peak = peakOccupation([link("A", 0.5, "2025-01-01"), link("B", 0.3, "2025-06-01")], "2026-01-01");
    expect(peak).toMatchObject({ fte: 0.8, on: "2026-01-01" });
    expect(peak!.links.map((l) => l.occupant)).toEqual(["A", "B"]);
  });

  it("counts a link that starts later when it overlaps, and gives the day the peak starts", () => {
    const peak = peakOccupation([link("A", 0.5, "2025-01-01"), link("B", 0.5, "2026-03-01")], "2026-01-01");
    expect(peak).toMatchObject({ fte: 1, on: "2026-03-01" });
  });

  it("does not add links that follow each other (the end date is exclusive)", () => {
    const peak = peakOccupation([link("A", 0.8, "2025-01-01", "2026-03-01"), link("B", 0.6, "2026-03-01")], "2026-01-01");
    expect(peak).toMatchObject({ fte: 0.8, on: "2026-01-01" });
  });

  it("rounds the sum to three decimals", () => {
    expect(peakOccupation([link("A", 0.1, "2025-01-01"), link("B", 0.2, "2025-01-01")], "2026-01-01")!.fte).toBe(0.3);
  });
});
