import type { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { entities } from "@/db/schema";
import { formatDutchDate, todayInBrussels } from "@/lib/dates";
import { AppError } from "@/lib/errors/app-error";
import { latestStep1RunDate } from "@/lib/domain/step2/report-queries";
import { templateGreenLines, templateLists, toTemplateLine } from "./template-queries";
import { writeTemplateXlsx } from "./template-xlsx";

/**
 * The entity's position template as it is now: its green lines pre-filled, the drop-down lists
 * from its reference data. Read before anything is written, so a failure answers an error rather
 * than half a file.
 */
export async function prepareTemplate(db: DbOrTx, entityId: string): Promise<{ fileName: string; write(stream: Writable): Promise<void> }> {
  const runDate = await latestStep1RunDate(db, entityId);
  if (!runDate) throw new AppError("not_found", "Stap 1 is nog niet uitgevoerd: er zijn nog geen groene lijnen.");
  const [entity] = await db.select({ name: entities.name, code: entities.code }).from(entities).where(eq(entities.id, entityId));
  if (!entity) throw new AppError("not_found", "Deze entiteit bestaat niet.");
  const lines = (await templateGreenLines(db, entityId, runDate)).map(toTemplateLine);
  const lists = await templateLists(db, entityId);
  const today = todayInBrussels();
  return {
    fileName: `arbeidsplaatssjabloon-${entity.code}-${today}.xlsx`,
    write: (stream) => writeTemplateXlsx(stream, { entityName: entity.name, generatedOn: formatDutchDate(today), lines, lineCount: lines.length, lists }),
  };
}
