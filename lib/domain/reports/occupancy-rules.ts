/**
 * How staffing needs and occupancy are counted, in FTE, on a given date. One place for the rules;
 * the report's SQL (occupancy-report.ts) applies the same ones and an integration test holds both
 * equal on the demo data.
 *
 * - A version or link holds on a date when it started on or before it and has not ended:
 *   valid_to is the first day it no longer holds (exclusive).
 * - A position counts when its version on that date is not abolished (frozen positions count:
 *   they are part of the personnel plan, only not to be filled now).
 * - Its occupied FTE is the sum of the FTE of the links holding on that date: part-timers share a
 *   position, and a relation on leave keeps its link until the link ends.
 * - Vacant FTE is what the occupants leave free of the position's FTE (never below zero); a position
 *   whose occupants together exceed its FTE is over-occupied ("bovenformatief").
 */

export interface Dated {
  validFrom: string;
  validTo: string | null;
}

export function holdsOn(item: Dated, date: string): boolean {
  return item.validFrom <= date && (item.validTo === null || item.validTo > date);
}

export interface PositionVersionFacts extends Dated {
  positionId: string;
  fte: number;
  lifecycle: "active" | "frozen" | "abolished";
}

export interface LinkFacts extends Dated {
  positionId: string;
  fte: number;
}

export interface PositionOccupancy {
  positionId: string;
  fte: number;
  occupiedFte: number;
  vacantFte: number;
  overOccupied: boolean;
  frozen: boolean;
}

/** FTE differences below this are rounding, not over-occupation (FTE has three decimals). */
export const OVER_OCCUPATION_TOLERANCE = 0.0005;

/** Occupants together hold more FTE than the position has ("bovenformatief"). */
export function isOverOccupied(occupiedFte: number, positionFte: number): boolean {
  return occupiedFte > positionFte + OVER_OCCUPATION_TOLERANCE;
}

/** The occupancy of every position that counts on the date. */
export function occupancyOn(date: string, versions: readonly PositionVersionFacts[], links: readonly LinkFacts[]): PositionOccupancy[] {
  const occupied = new Map<string, number>();
  for (const link of links) if (holdsOn(link, date)) occupied.set(link.positionId, (occupied.get(link.positionId) ?? 0) + link.fte);
  return versions
    .filter((v) => holdsOn(v, date) && v.lifecycle !== "abolished")
    .map((v) => {
      const occupiedFte = round3(occupied.get(v.positionId) ?? 0);
      return {
        positionId: v.positionId,
        fte: v.fte,
        occupiedFte,
        vacantFte: round3(Math.max(v.fte - occupiedFte, 0)),
        overOccupied: isOverOccupied(occupiedFte, v.fte),
        frozen: v.lifecycle === "frozen",
      };
    });
}

export interface OccupancyTotals {
  positions: number;
  fte: number;
  occupiedFte: number;
  vacantFte: number;
  overOccupied: number;
  frozen: number;
}

export function totalsOf(rows: readonly PositionOccupancy[]): OccupancyTotals {
  const totals = rows.reduce(
    (t, r) => ({
      positions: t.positions + 1,
      fte: t.fte + r.fte,
      occupiedFte: t.occupiedFte + r.occupiedFte,
      vacantFte: t.vacantFte + r.vacantFte,
      overOccupied: t.overOccupied + (r.overOccupied ? 1 : 0),
      frozen: t.frozen + (r.frozen ? 1 : 0),
    }),
    { positions: 0, fte: 0, occupiedFte: 0, vacantFte: 0, overOccupied: 0, frozen: 0 },
  );
  return { ...totals, fte: round3(totals.fte), occupiedFte: round3(totals.occupiedFte), vacantFte: round3(totals.vacantFte) };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
