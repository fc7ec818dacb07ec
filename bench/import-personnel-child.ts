/**
 * One repetition of the personnel-import benchmarks, in a process of its own so that its peak
 * memory is the import's and not the bench runner's. Started by bench/import-personnel.ts with
 * a migrated database holding one entity (with import reference data, no relations) and a user.
 *
 *   node --import tsx bench/import-personnel-child.ts '{"databaseUrl":...,"entityId":...,"actorId":...,"filePath":...}'
 *
 * Prints one JSON line: { seconds, peakRssMb, reimportSeconds, baselineRssMb }.
 */
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "../db/client";
import { commitPersonnelImport } from "../lib/domain/personnel/commit-personnel-import";
import { previewPersonnelImport } from "../lib/domain/personnel/preview-personnel-import";

export interface ChildInput {
  databaseUrl: string;
  entityId: string;
  actorId: string;
  filePath: string;
  relations: number;
}

export interface ChildOutput {
  seconds: number;
  /** Peak resident set of this process up to the end of the first commit. */
  peakRssMb: number;
  reimportSeconds: number;
  /** Resident set before the import started: node, tsx and the loaded modules. */
  baselineRssMb: number;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const mb = (bytes: number) => bytes / 2 ** 20;

const input = JSON.parse(process.argv[2] ?? "") as ChildInput;
const handle = await openDatabase({ databaseUrl: input.databaseUrl });
try {
  const content = readFileSync(input.filePath);
  const baselineRssMb = mb(process.memoryUsage().rss);

  const seconds = await timed(() => importFile(handle.db, content, { added: input.relations, state: "committed" }));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const before = await personnelFingerprint(handle.db, input.entityId);
  const reimportSeconds = await timed(() => importFile(handle.db, content, { added: 0, state: "unchanged" }));
  const after = await personnelFingerprint(handle.db, input.entityId);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    throw new Error(`the re-import wrote rows: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
  }

  const output: ChildOutput = { seconds, peakRssMb, reimportSeconds, baselineRssMb };
  console.log(JSON.stringify(output));
} finally {
  await handle.close();
}

/** Upload to committed: the preview, then the commit of that preview. */
async function importFile(db: Db, content: Buffer, expected: { added: number; state: "committed" | "unchanged" }) {
  const { entityId, actorId } = input;
  const preview = await previewPersonnelImport(db, { entityId, actorId, file: { fileName: "personeelslijst.xlsx", contentType: XLSX, content } });
  if (preview.state !== "previewed" || preview.summary?.errors !== 0 || preview.summary.added !== expected.added) {
    throw new Error(`unexpected preview: ${JSON.stringify(preview)}`);
  }
  const outcome = await commitPersonnelImport(db, { entityId, importRunId: preview.importRunId, actorId });
  if (outcome.state !== expected.state || outcome.added !== expected.added || outcome.changed !== 0 || outcome.gone !== 0) {
    throw new Error(`unexpected commit outcome: ${JSON.stringify(outcome)}`);
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/**
 * Changes whenever a row of the entity's persons or relations is inserted, updated or deleted:
 * counts, the latest updated_at, and the newest row version (xmin), which moves on any write
 * even one that leaves updated_at alone.
 */
async function personnelFingerprint(db: Db, entityId: string) {
  const { rows } = await db.execute(sql`
    select 'persons' as t, count(*)::int as n, max(updated_at)::text as updated, max(xmin::text::bigint)::text as version
      from persons where entity_id = ${entityId}
    union all
    select 'employment_relations', count(*)::int, max(updated_at)::text, max(xmin::text::bigint)::text
      from employment_relations where entity_id = ${entityId}`);
  return rows;
}
