import path from "node:path";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { userGrants, users } from "@/db/schema";
import { createEntity, createPosition, createReference } from "../factories/basic";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../support/test-database";

// The download as a request runs it: who is signed in (Auth.js), the request's headers, its
// database limited by row-level security to the signed-in user's entities (as lib/server/database
// does), and the Dutch messages.
const session = vi.hoisted(() => ({ uid: undefined as string | undefined, db: undefined as unknown }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.uid ? { uid: session.uid } : null) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-request-id": "test-request" }), cookies: async () => ({ get: () => undefined }) }));
vi.mock("@/lib/server/database", () => ({
  requestDatabase: async () => ({ handle: session.db, playground: null, lostPlayground: false }),
  db: async () => {
    const { currentPrincipal } = await import("@/lib/auth/guards");
    const { grantedScope } = await import("@/lib/auth/permissions");
    const principal = await currentPrincipal();
    return (session.db as TestDatabase).withScope(principal ? grantedScope(principal) : []);
  },
}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("use-intl/core");
  const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages/nl-BE.json"), "utf8"));
  return { getTranslations: async ({ namespace }: { namespace: string }) => createTranslator({ locale: "nl-BE", messages, namespace: namespace as never }) };
});

const plan = await import("@/lib/domain/reports/plan-lists");
const { GET } = await import("@/app/api/reports/lists/route");

const DATE = "2025-06-15";
/** Relations (and vacant positions) per entity: 7 entities, 6,300 in all, well past the 5,000 the lists were once cut at. */
const PER_ENTITY = 900;
/** Two entities share a name: the order must still tell them apart (the keyset reaches past the name). */
const NAMES = ["agentschap Bos", "Agentschap Cultuur", "Departement Financiën", "Économie en Werk", "Entiteit Dubbel", "Entiteit Dubbel", "Zorg en Gezondheid"];
const RAN = 3; // step 1 ran for the first three entities; never for the other four (one of which has only a dry run)
const LEAVE = 10; // relations on leave in the first entity: step 1's own reason
const LATER = 3; // relations of the fifth entity linked from a later date

describe(`the lists of the personnel plan page through and download every row (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const entityIds: string[] = [];
  let expertId: string;
  let hrId: string;
  const unlinkedTotal = NAMES.length * PER_ENTITY;
  const vacantTotal = NAMES.length * PER_ENTITY + LATER;

  beforeAll(async () => {
    t = await createTestDatabase();
    session.db = t;
    const { grade, profile } = await createReference(t.db);
    for (const name of NAMES) entityIds.push((await createEntity(t.db, { name })).id);
    const ids = `{${entityIds.join(",")}}`;
    await t.db.execute(sql`
      insert into persons (entity_id, vlimpers_number, first_name, last_name)
      select e.id, lpad((e.ord * 10000 + i)::text, 6, '0'), 'Voornaam', 'Naam' || lpad(i::text, 4, '0')
      from unnest(${ids}::uuid[]) with ordinality as e(id, ord), generate_series(1, ${PER_ENTITY}) as i`);
    await t.db.execute(sql`
      insert into employment_relations (entity_id, person_id, relation_number, kind, legal_status, status, start_date, fte, grade_id, function_profile_id)
      select p.entity_id, p.id, 1, 'employee', 'statutory', 'active', '2020-01-01', 1, ${grade.id}, ${profile.id}
      from persons p where p.entity_id = any(${ids}::uuid[])`);
    await t.db.execute(sql`
      update employment_relations set status = 'leave'
      where id in (select id from employment_relations where entity_id = ${entityIds[0]} order by id limit ${LEAVE})`);
    await t.db.execute(sql`
      insert into onboarding_step_runs (entity_id, step, state, dry_run, note, finished_at)
      select e.id, 1, 'done', false, '2025-01-15', now() from unnest(${`{${entityIds.slice(0, RAN).join(",")}}`}::uuid[]) as e(id)`);
    await t.db.execute(sql`
      insert into onboarding_step_runs (entity_id, step, state, dry_run, note, finished_at) values (${entityIds[RAN]}, 1, 'done', true, '2025-01-15', now())`);
    // Vacant positions: as many again, with no link.
    await t.db.execute(sql`insert into positions (entity_id, origin) select e.id, 'manual' from unnest(${ids}::uuid[]) as e(id), generate_series(1, ${PER_ENTITY})`);
    await t.db.execute(sql`
      insert into position_versions (entity_id, position_id, version_number, valid_from, function_profile_id, function_code, function_title, fte)
      select pos.entity_id, pos.id, 1, '2024-01-01', ${profile.id}, ${profile.code}, ${profile.title}, 1 from positions pos`);
    const later = await t.db.execute<{ id: string }>(sql`select id from employment_relations where entity_id = ${entityIds[4]} order by id limit ${LATER}`);
    for (const relation of later.rows) {
      const position = await createPosition(t.db, entityIds[4]!, profile);
      await t.db.execute(sql`insert into position_links (entity_id, position_id, relation_id, fte, valid_from) values (${entityIds[4]}, ${position.id}, ${relation.id}, 1, '2025-09-01')`);
    }
    const [expert] = await t.db.insert(users).values({ email: "expert@test.example", name: "Expert" }).returning();
    const [hr] = await t.db.insert(users).values({ email: "hr@test.example", name: "HR" }).returning();
    await t.db.insert(userGrants).values([
      { userId: expert!.id, role: "central_expert", entityId: null },
      { userId: hr!.id, role: "entity_hr", entityId: entityIds[1]! },
    ]);
    expertId = expert!.id;
    hrId = hr!.id;
  });
  afterAll(async () => t?.dispose());

  async function download(uid: string, list: string) {
    session.uid = uid;
    const response = await GET(new Request(`http://localhost/api/reports/lists?list=${list}&date=${DATE}`));
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Lijst")!;
    const headerRow = sheet.getRow(3);
    const header = Array.from({ length: headerRow.cellCount }, (_, i) => String(headerRow.getCell(i + 1).value));
    const rows: Record<string, string>[] = [];
    sheet.eachRow((row, n) => {
      if (n <= 3) return;
      rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value == null ? "" : String(row.getCell(i + 1).value)])));
    });
    return rows;
  }

  it("downloads every relation without a position, each once, with a reason that fits whether step 1 ran", async () => {
    const rows = await download(expertId, "unlinked");
    expect(rows).toHaveLength(unlinkedTotal);
    expect(new Set(rows.map((r) => r.Personeelslid)).size).toBe(unlinkedTotal);
    const perEntity = Object.fromEntries(NAMES.map((n) => [n, 0]));
    for (const r of rows) perEntity[r.Entiteit!]! += 1;
    expect(perEntity).toEqual({ ...Object.fromEntries(NAMES.map((n) => [n, PER_ENTITY])), "Entiteit Dubbel": 2 * PER_ENTITY });

    const reasons = (name: string) => {
      const counts: Record<string, number> = {};
      for (const r of rows.filter((row) => row.Entiteit === name)) counts[r.Reden!] = (counts[r.Reden!] ?? 0) + 1;
      return counts;
    };
    const afterRun = "Niet behandeld: toegevoegd of ontkoppeld na de run van stap 1";
    const notRun = "Nog niet behandeld: stap 1 is voor deze entiteit nog niet uitgevoerd";
    expect(reasons(NAMES[0]!)).toEqual({ [afterRun]: PER_ENTITY - LEAVE, "Met verlof": LEAVE });
    expect(reasons(NAMES[1]!)).toEqual({ [afterRun]: PER_ENTITY });
    expect(reasons(NAMES[3]!)).toEqual({ [notRun]: PER_ENTITY }); // a dry run is no run
    expect(reasons("Entiteit Dubbel")).toEqual({ [notRun]: 2 * PER_ENTITY - LATER, "Gekoppeld vanaf een latere datum": LATER });
    expect(reasons(NAMES[6]!)).toEqual({ [notRun]: PER_ENTITY });
  });

  it("downloads every vacant position, each once", async () => {
    const rows = await download(expertId, "vacant");
    expect(rows).toHaveLength(vacantTotal);
    expect(new Set(rows.map((r) => r.Arbeidsplaats)).size).toBe(vacantTotal);
  });

  it("gives an entity's HR officer the rows of their entity only, on screen and in the download", async () => {
    const rows = await download(hrId, "unlinked");
    expect(rows).toHaveLength(PER_ENTITY);
    expect(new Set(rows.map((r) => r.Entiteit))).toEqual(new Set([NAMES[1]]));
    const scoped = await plan.planListPage(t.withScope([entityIds[1]!]), { scope: [entityIds[1]!], date: DATE, list: "unlinked" });
    expect(scoped.total).toBe(PER_ENTITY);
    // Row-level security holds even when the scope asked for is wider than the grant.
    const wider = await plan.planListPage(t.withScope([entityIds[1]!]), { scope: "all", date: DATE, list: "unlinked" });
    expect(wider.total).toBe(PER_ENTITY);
  });

  it("counts the whole list on screen and pages through it in the order of the download", async () => {
    const input = { scope: "all" as const, date: DATE, list: "unlinked" as const };
    const all = [];
    for await (const row of plan.allPlanListRows(t.db, input, 997)) all.push(row); // batches that end inside an entity and inside the twin names
    expect(all).toHaveLength(unlinkedTotal);
    expect(new Set(all.map((r) => r.person)).size).toBe(unlinkedTotal);

    const first = await plan.planListPage(t.db, { ...input, page: 0 });
    expect(first).toMatchObject({ total: unlinkedTotal, page: 0, pageSize: 100 });
    expect(first.rows).toEqual(all.slice(0, 100));
    for (const page of [27, 45]) expect((await plan.planListPage(t.db, { ...input, page })).rows).toEqual(all.slice(page * 100, page * 100 + 100));
    const lastPage = Math.ceil(unlinkedTotal / 100) - 1;
    const last = await plan.planListPage(t.db, { ...input, page: lastPage });
    expect(last.rows).toEqual(all.slice(lastPage * 100));
    // A page past the end shows the last one, not an empty table.
    expect(await plan.planListPage(t.db, { ...input, page: lastPage + 50 })).toMatchObject({ page: lastPage, rows: last.rows });

    // Sorted on a column, over the whole list: the reasons come together, and the sort does not lose rows.
    const byReason = await plan.planListPage(t.db, { ...input, sort: "detail", dir: "desc", page: 0, pageSize: LATER });
    expect(byReason.rows.map((r) => r.detail)).toEqual(Array(LATER).fill("linked_later"));
    const vacant = await plan.planListPage(t.db, { ...input, list: "vacant", sort: "position", dir: "desc" });
    expect(vacant.total).toBe(vacantTotal);
    expect(vacant.rows.map((r) => r.positionNumber)).toEqual([...vacant.rows.map((r) => r.positionNumber!)].sort((a, b) => b - a));
  });
});
