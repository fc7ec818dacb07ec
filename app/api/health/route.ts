import { sql } from "drizzle-orm";
import { realDatabase as database } from "@/lib/server/real-database";

export const dynamic = "force-dynamic";

/** Liveness and readiness: answers 200 once the database is migrated and reachable. */
export async function GET() {
  try {
    const handle = await database();
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: handle.kind });
  } catch (error) {
    console.error("[health]", error);
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
