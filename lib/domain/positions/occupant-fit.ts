/**
 * Whether a position's FTE holds the people linked to it. One rule for every place that decides
 * it: step 5 (a relation chosen for a position), a step-2 correction of a position's FTE, and the
 * reports' over-occupation ("bovenformatief"), which is the same comparison seen afterwards.
 */
import { holdsOn, isOverOccupied, type Dated } from "@/lib/domain/reports/occupancy-rules";

export interface OccupantLink extends Dated {
  fte: number;
  /** "Peeters Jan (123456/1)": who holds it, for the message. */
  occupant: string;
}

/** The occupants' FTE fits the position's FTE (differences below the rounding tolerance fit). */
export function occupantsFit(positionFte: number, occupiedFte: number): boolean {
  return !isOverOccupied(occupiedFte, positionFte);
}

export interface PeakOccupation {
  /** The most FTE linked at once on or after `from`. */
  fte: number;
  /** The first day that peak holds. */
  on: string;
  /** The links holding on that day. */
  links: OccupantLink[];
}

/**
 * The most FTE that the position's links hold at once from `from` on (links that ended before it
 * do not count; links that start later do, when they overlap). Null when no link holds then.
 * The sum only rises where a link starts, so those days (and `from`) are the ones to look at.
 */
export function peakOccupation(links: readonly OccupantLink[], from: string): PeakOccupation | null {
  const relevant = links.filter((l) => l.validTo === null || l.validTo > from);
  const days = [...new Set([from, ...relevant.map((l) => l.validFrom).filter((d) => d > from)])].sort();
  let peak: PeakOccupation | null = null;
  for (const day of days) {
    const holding = relevant.filter((l) => holdsOn(l, day));
    const fte = Math.round(holding.reduce((sum, l) => sum + l.fte, 0) * 1000) / 1000;
    if (holding.length > 0 && (!peak || fte > peak.fte)) peak = { fte, on: day, links: holding };
  }
  return peak;
}

export function dutchFte(value: number): string {
  return value.toLocaleString("nl-BE", { maximumFractionDigits: 3 });
}
