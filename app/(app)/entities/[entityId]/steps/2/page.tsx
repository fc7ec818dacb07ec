import { Alert, Anchor, Button, NativeSelect, TextInput } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CompleteReviewButton } from "@/components/step2/complete-review-button";
import { ReportTable } from "@/components/step2/report-table";
import { AnchorLink } from "@/components/ui/anchor-link";
import { FigureGrid } from "@/components/ui/figure-grid";
import { PageTitle, Paragraph, Row, Stack } from "@/components/ui/page-layout";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { REPORT_PAGE_SIZE, REPORT_REASONS, reportFiltersSchema } from "@/lib/domain/step2/report-filters";
import { latestStep1RunDate, step2Report } from "@/lib/domain/step2/report-queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("step2"))("title") };
}

type Props = { params: Promise<{ entityId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The step-2 report: blue and green lines, filtered, sorted and paged on the server; blue lines corrected online. */
async function Step2PageContent({ params, searchParams }: Props) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const raw = await searchParams;
  const database = await db();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "personnel.read") });
  if (!entity) notFound();
  const t = await getTranslations("step2");
  const tReasons = await getTranslations("step1");
  const format = await getFormatter();
  const runDate = await latestStep1RunDate(database, entity.id);

  const header = (
    <Stack gap={4}>
      <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
      <PageTitle>{t("title")}</PageTitle>
    </Stack>
  );
  if (!runDate) {
    return (
      <Stack gap="lg">
        {header}
        <Alert color="gray">{t("notRun")}</Alert>
      </Stack>
    );
  }

  const filters = reportFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const { lines, total, counts, options: filterOptions } = await step2Report(database, entity.id, runDate, filters, REPORT_PAGE_SIZE);
  const canCorrect = hasEntityPermission(principal, "positions.write", entity.id);
  const canComplete = entity.currentStep === 2 && hasEntityPermission(principal, "onboarding.entityStep", entity.id);
  const query = new URLSearchParams(
    Object.entries({ ...filters, page: undefined }).flatMap(([k, v]) => (v === undefined || v === "" ? [] : [[k, String(v)]])),
  );
  const pageHref = (page: number) => {
    const next = new URLSearchParams(query);
    next.set("page", String(page));
    return `/entities/${entity.id}/steps/2?${next.toString()}`;
  };
  const reasonsPresent = REPORT_REASONS.filter((r) => counts.byReason[r]);

  return (
    <Stack gap="lg">
      {header}
      <Paragraph maxWidth={820}>{t("intro")}</Paragraph>
      <Paragraph size="sm" dimmed>
        {t("runDate", { date: format.dateTime(new Date(`${runDate}T12:00:00Z`), { dateStyle: "long" }) })}
      </Paragraph>

      <FigureGrid
        figures={[
          { label: t("blueLong"), value: format.number(counts.blue), accent: "blue" },
          { label: t("greenLong"), value: format.number(counts.green), accent: "green" },
          ...reasonsPresent.map((reason) => ({ label: tReasons(`reason_${reason}`), value: format.number(counts.byReason[reason] ?? 0) })),
        ]}
      />

      <Row justify="space-between" align="flex-end">
        <form method="get" aria-label={t("filters")}>
          <Row align="flex-end" gap="sm">
            <NativeSelect
              name="colour"
              label={t("colour")}
              defaultValue={filters.colour ?? ""}
              data={[
                { value: "", label: t("all") },
                { value: "blue", label: t("blue") },
                { value: "green", label: t("green") },
              ]}
            />
            <NativeSelect
              name="reason"
              label={t("reason")}
              defaultValue={filters.reason ?? ""}
              data={[{ value: "", label: t("all") }, ...REPORT_REASONS.map((r) => ({ value: r, label: tReasons(`reason_${r}`) }))]}
              maw={260}
            />
            <NativeSelect
              name="unit"
              label={t("unit")}
              defaultValue={filters.unit ?? ""}
              data={[{ value: "", label: t("all") }, ...filterOptions.units.map((u) => ({ value: u.code, label: `${u.code} – ${u.name}` }))]}
              maw={260}
            />
            <NativeSelect
              name="grade"
              label={t("grade")}
              defaultValue={filters.grade ?? ""}
              data={[{ value: "", label: t("all") }, ...filterOptions.grades]}
            />
            <TextInput name="q" type="search" label={t("search")} defaultValue={filters.q ?? ""} w={300} />
            <input type="hidden" name="sort" value={filters.sort} />
            <input type="hidden" name="dir" value={filters.dir} />
            <Button type="submit">{t("apply")}</Button>
            <AnchorLink href={`/entities/${entity.id}/steps/2`}>{t("reset")}</AnchorLink>
          </Row>
        </form>
        <Anchor href={`/api/entities/${entity.id}/step2-report?${query.toString()}`}>{t("download")}</Anchor>
      </Row>

      <Paragraph size="sm" aria-live="polite">
        {t("results", { total })}
      </Paragraph>
      <ReportTable entityId={entity.id} lines={lines} canCorrect={canCorrect} sort={filters.sort} dir={filters.dir} />
      <Row gap="md">
        <Paragraph size="sm">
          {t("pageOf", {
            from: total === 0 ? 0 : filters.page * REPORT_PAGE_SIZE + 1,
            to: filters.page * REPORT_PAGE_SIZE + lines.length,
            total,
          })}
        </Paragraph>
        {filters.page > 0 && <AnchorLink href={pageHref(filters.page - 1)}>{t("previous")}</AnchorLink>}
        {(filters.page + 1) * REPORT_PAGE_SIZE < total && <AnchorLink href={pageHref(filters.page + 1)}>{t("next")}</AnchorLink>}
      </Row>
      {canComplete && <CompleteReviewButton entityId={entity.id} />}
      {entity.currentStep > 2 && (
        <Alert color="green" role="status">
          {t("reviewDone")}
        </Alert>
      )}
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function Step2Page(props: Parameters<typeof Step2PageContent>[0]) {
  return (
    <ClientMessages namespaces={["step1", "step2"]}>
      <Step2PageContent {...props} />
    </ClientMessages>
  );
}
