import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope } from "@/lib/auth/permissions";
import { todayInBrussels } from "@/lib/dates";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { REPORT_PAGE_SIZE, reportFiltersSchema } from "@/lib/domain/step2/report-filters";
import { latestStep1RunDate, step2Report } from "@/lib/domain/step2/report-queries";
import { appEnv } from "@/lib/env";
import { db } from "@/lib/server/database";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false } };

type Props = { params: Promise<{ entityId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The bench's anchor (http.page.anchor.p50_ms): the step-2 page's own sign-in check, scope check
 * and queries, its 50 lines as a plain table — no Mantine, no client component, no messages sent
 * to the browser, outside the application's frame. What is left is what Next.js, Auth.js and the
 * database cost here; the other page figures read as multiples of it.
 * Off (not found, for everyone) unless BENCH_ANCHOR is on, which appEnv refuses in production.
 */
export default async function BenchAnchorPage({ params, searchParams }: Props) {
  if (!appEnv().BENCH_ANCHOR) notFound();
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const raw = await searchParams;
  const database = await db();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "personnel.read") });
  if (!entity) notFound();
  const runDate = await latestStep1RunDate(database, entity.id);
  if (!runDate) notFound();
  const filters = reportFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { lines, total } = await step2Report(database, entity.id, runDate, filters, REPORT_PAGE_SIZE);
  const t = await getTranslations("step2");
  const tReasons = await getTranslations("step1");

  return (
    <main>
      <h1>
        {entity.name}: {t("title")}
      </h1>
      <p>{t("results", { total })}</p>
      <table>
        <thead>
          <tr>
            {["colour", "name", "position", "function", "grade", "unit", "fte", "reason"].map((column) => (
              <th key={column} scope="col">
                {t(`col_${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.relationId} data-colour={line.colour}>
              <td>{t(line.colour)}</td>
              <td>
                {line.name}
                <br />
                {t("relationOf", { vlimpers: line.vlimpers, relation: line.relationNumber })}
              </td>
              <td>{line.positionNumber ?? "—"}</td>
              <td>
                {line.functionCode ?? "—"}
                {line.functionTitle && (
                  <>
                    <br />
                    {line.functionTitle}
                  </>
                )}
              </td>
              <td>{line.gradeCode ?? "—"}</td>
              <td>
                {line.unitCode ?? "—"}
                {line.costCentreCode && (
                  <>
                    <br />
                    {t("costCentreOf", { code: line.costCentreCode })}
                  </>
                )}
              </td>
              <td>{line.fte.toLocaleString("nl-BE")}</td>
              <td>{line.reason ? tReasons(`reason_${line.reason}`) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
