import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";

export interface InactiveReference {
  rowNumber: number;
  /** What the template row names that is no longer active, as users know it. */
  label: string;
}

/**
 * Requested rows still without a position that name reference data deactivated since the template
 * was accepted (a function code withdrawn in Profielbeheer, a unit closed in a reorganisation).
 * Step 4 makes no position from those: the template check would refuse them today.
 */
export async function inactiveReferencesOfRequests(db: DbOrTx, entityId: string): Promise<InactiveReference[]> {
  const result = await db.execute<{ row_number: number; label: string }>(sql`
    select q.row_number, x.label
    from position_requests q
    left join function_profiles fp on fp.id = q.function_profile_id
    left join grades g on g.id = q.grade_id
    left join org_units u on u.id = q.org_unit_id
    left join cost_centres c on c.id = q.cost_centre_id
    left join duty_locations d on d.id = q.duty_location_id
    cross join lateral (values
      (case when not fp.active then 'functiecode ' || fp.code end),
      (case when not g.active then 'graad ' || g.code end),
      (case when not u.active then 'organisatie-eenheid ' || u.code end),
      (case when not c.active then 'kostenplaats ' || c.code end),
      (case when not d.active then 'standplaats ' || d.code end)
    ) as x(label)
    where q.entity_id = ${entityId} and q.decision = 'requested' and q.position_id is null and x.label is not null
    order by q.row_number, x.label`);
  return result.rows.map((r) => ({ rowNumber: Number(r.row_number), label: r.label }));
}

/** The refusal step 4 gives for them: which rows, what to do. */
export function inactiveReferencesError(found: readonly InactiveReference[]): AppError {
  const labels = [...new Set(found.map((f) => f.label))];
  const rows = [...new Set(found.map((f) => f.rowNumber))];
  const shownRows = rows.slice(0, 12).join(", ") + (rows.length > 12 ? ` en ${rows.length - 12} meer` : "");
  return new AppError(
    "conflict",
    `Stap 4 maakte geen enkele arbeidsplaats: ${rows.length === 1 ? "rij" : "rijen"} ${shownRows} van het sjabloon ${rows.length === 1 ? "verwijst" : "verwijzen"} naar ` +
      `referentiegegevens die sinds de indiening niet meer actief zijn (${labels.join(", ")}). ` +
      "Activeer ze opnieuw in de referentiegegevens, of heropen stap 3 zodat de entiteit die rijen aanpast, en start stap 4 dan opnieuw.",
    { rows, labels },
  );
}
