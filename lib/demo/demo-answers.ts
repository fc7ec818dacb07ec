/**
 * What the demo's HR officers answer in the template (step 3), decided the way an HR officer
 * would from each green line's reason: people about to start, on leave or without a function code
 * get a position; non-employees and the fallback relations of mandate holders do not.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { templateGreenLines } from "@/lib/domain/step3/template-queries";
import { relationKey } from "@/lib/domain/step3/template-rules";
import type { TemplateAnswer, TemplateFill } from "./onboarding-files";

export function answerFor(reason: string | null, functionCodeOfLevel: string | undefined): TemplateAnswer {
  switch (reason) {
    case "non_employee":
      return { need: false, reason: "Niet-werknemer buiten de personeelsformatie" };
    case "inactive":
      return { need: false, reason: "Terugvalpositie van een mandaathouder: geen eigen arbeidsplaats zolang het mandaat loopt" };
    case "leave":
      return { need: true, note: "Langdurig afwezig: de arbeidsplaats blijft behouden" };
    case "no_function_code":
      return { need: true, functionCode: functionCodeOfLevel, note: "Functiecode gekozen met Profielbeheer" };
    default:
      return { need: true };
  }
}

/** The answers for an entity's green lines (run date of its step 1), with a function code of the relation's level where it has none. */
export async function demoTemplateFill(db: DbOrTx, entityId: string, runDate: string, freeRows: TemplateFill["freeRows"] = []): Promise<TemplateFill> {
  const lines = await templateGreenLines(db, entityId, runDate);
  const levels = await db.execute<{ level: string; code: string }>(sql`
    select distinct on (level) level::text as level, code from function_profiles where active order by level, code`);
  const functionOfLevel = new Map(levels.rows.map((r) => [r.level, r.code]));
  const grades = await db.execute<{ code: string; level: string }>(sql`select code, level::text as level from grades`);
  const levelOfGrade = new Map(grades.rows.map((g) => [g.code, g.level]));
  const byKey = new Map(lines.map((l) => [relationKey(l.vlimpers, l.relationNumber), l]));
  return {
    answer: (row) => {
      if (row.proposed) return undefined;
      const line = byKey.get(relationKey(row.vlimpers, row.relationNumber));
      const level = line?.gradeCode ? levelOfGrade.get(line.gradeCode) : undefined;
      return answerFor(line?.reason ?? null, functionOfLevel.get(level ?? "B"));
    },
    freeRows,
  };
}
