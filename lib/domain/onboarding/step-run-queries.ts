import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** The runs of one step of an entity, newest first, with their job's state and error and any file they produced. */
export async function listStepRuns(db: DbOrTx, entityId: string, step: number) {
  const result = await db.execute<{
    id: string;
    state: "running" | "done" | "failed";
    counts: Record<string, number>;
    note: string | null;
    started_at: Date;
    finished_at: Date | null;
    job_error: string | null;
    job_run_id: string | null;
    output_file_id: string | null;
    actor_name: string | null;
  }>(sql`
    select s.id, s.state, s.counts, s.note, s.started_at, s.finished_at, j.error as job_error, s.job_run_id, s.output_file_id, u.name as actor_name
    from onboarding_step_runs s
    left join job_runs j on j.id = s.job_run_id
    left join users u on u.id = s.actor_id
    where s.entity_id = ${entityId} and s.step = ${step} and not s.dry_run
    order by s.started_at desc
    limit 20`);
  return result.rows.map((r) => ({ ...r, started_at: new Date(r.started_at), finished_at: r.finished_at ? new Date(r.finished_at) : null }));
}
