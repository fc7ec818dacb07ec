import type { CellProblem } from "@/lib/excel/mark/cell-problem";
import { checkControlRow, type ControlContext } from "./control-rules";

/** One step-4 position as step 5 has it: who step 3 named for it, and whom step 5 chose so far. */
export interface PositionChoice {
  requestId: string;
  positionNumber: number;
  /** The relation the position was requested for in step 3, if a person was named. */
  requested: { vlimpers: string; relationNumber: number } | null;
  assignedRelationId: string | null;
}

export interface TakeOverPlan {
  /** Positions that get the person named in step 3, in the order of the report. */
  assignments: { requestId: string; positionNumber: number; relationId: string }[];
  /** Positions whose named person may not go into them now, with the reason the upload would give. */
  skipped: { positionNumber: number; reason: string }[];
  /** Positions that already have a choice: taking over never overwrites one. */
  alreadyChosen: number;
  /** Positions for which step 3 named someone, chosen or not: whether there is anything to speak of. */
  named: number;
}

/**
 * "Overnemen uit stap 3": every position without a choice yet gets the person it was requested for,
 * under the same rules as an uploaded control report. A person who would come with a warning (no
 * longer in the personnel list) or whose relation went to another position is left to the entity.
 */
export function planTakeOver(positions: readonly PositionChoice[], context: ControlContext): TakeOverPlan {
  const plan: TakeOverPlan = { assignments: [], skipped: [], alreadyChosen: 0, named: 0 };
  const chosenFor = new Map<string, number>();
  for (const position of positions) if (position.assignedRelationId) chosenFor.set(position.assignedRelationId, position.positionNumber);
  for (const position of positions) {
    if (position.requested) plan.named++;
    if (position.assignedRelationId) {
      plan.alreadyChosen++;
      continue;
    }
    if (!position.requested) continue;
    const problems: CellProblem[] = [];
    const resolved = checkControlRow(
      { rowNumber: 0, positionNumber: position.positionNumber, vlimpers: position.requested.vlimpers, relationNumber: position.requested.relationNumber, unreadable: [] },
      context,
      (_key, severity, message) => problems.push({ rowNumber: 0, severity, message }),
    );
    const problem = problems.find((p) => p.severity === "error") ?? problems[0];
    const named = `${position.requested.vlimpers}/${position.requested.relationNumber}`;
    const elsewhere = resolved?.relationId ? chosenFor.get(resolved.relationId) : undefined;
    if (!resolved?.relationId || problem) {
      plan.skipped.push({ positionNumber: position.positionNumber, reason: problem?.message ?? "Deze keuze kan niet." });
    } else if (elsewhere !== undefined) {
      plan.skipped.push({ positionNumber: position.positionNumber, reason: `Arbeidsrelatie ${named} gaat al naar arbeidsplaats ${elsewhere}.` });
    } else {
      chosenFor.set(resolved.relationId, position.positionNumber);
      plan.assignments.push({ requestId: position.requestId, positionNumber: position.positionNumber, relationId: resolved.relationId });
    }
  }
  return plan;
}
