/**
 * What happens after an onboarding, in the demo: the entity keeps its personnel plan (a
 * replacement shares a position with someone on long leave, a project position is frozen, a
 * position is abolished at a retirement, two positions are planned ahead), and the central team's
 * notes of its intake conversations. Through the same commands as the personnel plan's pages.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { positionRequests, positions } from "@/db/schema";
import { addAgreement } from "@/lib/domain/agreements/agreement-store";
import { abolishPosition, createPosition, linkRelation, setPositionFrozen } from "@/lib/domain/positions/personnel-plan";
import { lastDayOfMonth, monthOf } from "@/lib/domain/planning/schedule-rules";
import type { StagedEntity } from "./seed-stages";
import { daysBefore, firstOfMonthAfter } from "./stages";

export async function keepPersonnelPlan(db: Db, e: StagedEntity, today: string): Promise<void> {
  const actorId = e.hrId;
  const revision = async (positionId: string) => (await db.select({ revision: positions.revision }).from(positions).where(eq(positions.id, positionId)))[0]!.revision;

  // The relation whose requested position stayed vacant in step 5 replaces someone on long leave: their position is shared (over-occupied).
  const [replacement] = await db.execute<{ vlimpers: string; relation_number: number; fte: string }>(sql`
    select p.vlimpers_number as vlimpers, r.relation_number, r.fte
    from position_requests q join employment_relations r on r.id = q.relation_id join persons p on p.id = r.person_id
    where q.entity_id = ${e.entityId} and q.position_id is not null and q.assigned_relation_id is null
      and not exists (select 1 from position_links l where l.relation_id = r.id)
    order by q.row_number limit 1`).then((r) => r.rows);
  const [onLeave] = await db.execute<{ position_id: string }>(sql`
    select l.position_id from position_links l join employment_relations r on r.id = l.relation_id
    where l.entity_id = ${e.entityId} and r.status = 'leave' and l.valid_to is null
    order by l.position_id limit 1`).then((r) => r.rows);
  if (replacement && onLeave) {
    await linkRelation(db, { entityId: e.entityId, positionId: onLeave.position_id, vlimpers: replacement.vlimpers, relationNumber: replacement.relation_number, fte: Number(replacement.fte), from: today, actorId });
  }

  // The project position requested in the template is frozen: its budget is not there yet.
  const [project] = await db
    .select({ positionId: positionRequests.positionId })
    .from(positionRequests)
    .where(and(eq(positionRequests.entityId, e.entityId), eq(positionRequests.note, "Projectmedewerker digitalisering")));
  if (project?.positionId) {
    await setPositionFrozen(db, { entityId: e.entityId, positionId: project.positionId, expectedRevision: await revision(project.positionId), frozen: true, from: today, actorId });
  }

  // A position of step 1 is abolished at its holder's retirement, at the end of this month.
  const [retiring] = await db.execute<{ position_id: string }>(sql`
    select l.position_id from position_links l join positions pos on pos.id = l.position_id
    where l.entity_id = ${e.entityId} and pos.origin = 'step1' and l.valid_to is null
    order by pos.number desc limit 1`).then((r) => r.rows);
  if (retiring) {
    await abolishPosition(db, { entityId: e.entityId, positionId: retiring.position_id, expectedRevision: await revision(retiring.position_id), until: lastDayOfMonth(monthOf(today)), actorId });
  }

  // Two positions planned ahead, like one that exists.
  const [model] = await db.execute<Record<string, string | null>>(sql`
    select v.function_code, g.code as grade_code, v.fte::text as fte, u.code as unit_code, c.code as cost_centre_code, d.code as duty_location_code
    from position_versions v join positions pos on pos.id = v.position_id
    left join grades g on g.id = v.grade_id left join org_units u on u.id = v.org_unit_id
    left join cost_centres c on c.id = v.cost_centre_id left join duty_locations d on d.id = v.duty_location_id
    where v.entity_id = ${e.entityId} and v.valid_to is null and v.lifecycle = 'active' and u.active
    order by pos.number limit 1`).then((r) => r.rows);
  if (model) {
    const data = {
      functionCode: model.function_code ?? "",
      gradeCode: model.grade_code ?? "",
      fte: "1",
      unitCode: model.unit_code ?? "",
      costCentreCode: model.cost_centre_code ?? "",
      dutyLocationCode: model.duty_location_code ?? "",
    };
    for (const months of [1, 3]) {
      const created = await createPosition(db, { entityId: e.entityId, data, validFrom: firstOfMonthAfter(today, months), actorId });
      if (!created.ok) throw new Error(`demo position refused: ${JSON.stringify(created.fieldErrors)}`);
    }
  }
}

const NOTES: Partial<Record<string, { title: string; body: string }>> = {
  AJH: {
    title: "Intakegesprek: aanpak van het sjabloon",
    body: "De entiteit vraagt arbeidsplaatsen aan voor alle personeelsleden met verlof en voor wie volgende maand start. Niet-werknemers krijgen geen arbeidsplaats. Eerste versie van het sjabloon werd geweigerd; HR past de drie gemelde rijen aan.",
  },
  DEWI: {
    title: "Reorganisatie: afdeling opgeheven",
    body: "Door de reorganisatie wordt een afdeling opgeheven. Afgesproken: het centrale team heropent stap 3 als stap 4 daardoor niet kan lopen; HR kiest dan voor die rijen de nieuwe organisatie-eenheid.",
  },
  ABB: {
    title: "Planning stap 5",
    body: "HR vult het controlerapport online in, in twee delen. Afgewerkt tegen het einde van de maand, daarna start het centrale team stap 6.",
  },
  HFB: {
    title: "Na de aansluiting: personeelsplan",
    body: "De entiteit houdt haar personeelsplan voortaan zelf bij. Vervangingen tijdens langdurige afwezigheid worden als tweede koppeling geregistreerd (bovenformatief, tijdelijk).",
  },
};

export async function addDemoAgreements(db: Db, staged: readonly StagedEntity[], { expertId }: { expertId: string }): Promise<void> {
  for (const e of staged) {
    const note = NOTES[e.code];
    if (note) await addAgreement(db, { entityId: e.entityId, content: { meetingDate: daysBefore(e.step1Date, 14), ...note }, actorId: expertId });
  }
}
