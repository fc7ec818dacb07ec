import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { OccupancyChangeTable } from "@/components/reports/occupancy-change-table";
import { OccupancyChart } from "@/components/reports/occupancy-chart";
import { OccupancyTable } from "@/components/reports/occupancy-table";
import { FigureGrid } from "@/components/ui/figure-grid";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasPermission } from "@/lib/auth/permissions";
import { compareOccupancy, OCCUPANCY_DIMENSIONS, occupancyQuerySchema, occupancyReport } from "@/lib/domain/reports/occupancy-report";
import { todayInBrussels, validIsoDate } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

type Props = { searchParams: Promise<{ by?: string; date?: string; compare?: string }> };

/** Staffing needs against occupancy in FTE, as of any date, grouped; for the entities the user may report on. */
async function ReportsPageContent({ searchParams }: Props) {
  const principal = await requireUserForPage();
  if (!hasPermission(principal, "reports.read")) notFound();
  const query = occupancyQuerySchema.parse(await searchParams);
  const date = validIsoDate(query.date) ?? todayInBrussels();
  const t = await getTranslations("reports");
  const format = await getFormatter();
  const scope = entityScope(principal, "reports.read");
  const database = await db();
  const { groups, totals } = await occupancyReport(database, { scope, date, by: query.by });
  const compare = validIsoDate(query.compare);
  const comparison = compare ? compareOccupancy({ date, groups }, { date: compare, groups: (await occupancyReport(database, { scope, date: compare, by: query.by })).groups }) : null;
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "long" });
  const fte = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const download = `/api/reports/occupancy?${new URLSearchParams({ by: query.by, date, ...(compare ? { compare } : {}) }).toString()}`;

  return (
    <Stack gap="lg">
      <Title order={1}>{t("title")}</Title>
      <Text maw={820}>{t("intro")}</Text>
      <form method="get" aria-label={t("choose")}>
        <Group align="flex-end">
          <TextInput type="date" name="date" label={t("date")} defaultValue={date} required />
          <TextInput type="date" name="compare" label={t("compare")} description={t("compareHint")} defaultValue={compare ?? ""} />
          <NativeSelect name="by" label={t("by")} defaultValue={query.by} data={OCCUPANCY_DIMENSIONS.map((d) => ({ value: d, label: t(`by_${d}`) }))} />
          <Button type="submit" variant="default">
            {t("show")}
          </Button>
        </Group>
      </form>
      <Text size="sm" c="dimmed">
        {t("asOf", { date: format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "long" }) })}
      </Text>
      <FigureGrid
        label={t("totals")}
        figures={[
          { label: t("positions"), value: format.number(totals.positions) },
          { label: t("fte"), value: fte(totals.fte), accent: "blue" },
          { label: t("occupiedFte"), value: fte(totals.occupiedFte) },
          { label: t("vacantFte"), value: fte(totals.vacantFte) },
          { label: t("overOccupied"), value: format.number(totals.overOccupied) },
        ]}
      />
      <OccupancyChart groups={groups} />
      <Group gap="lg">
        <Anchor href={download}>{t("download")}</Anchor>
        <Anchor href={`/reports/lists?${new URLSearchParams({ date }).toString()}`}>{t("lists")}</Anchor>
      </Group>
      <OccupancyTable groups={groups} label={t("tableLabel", { by: t(`by_${query.by}`) })} />
      {comparison && (
        <section aria-labelledby="change-title">
          <Title order={2} size="h3" id="change-title" mb="xs">
            {t("changeTitle", { from: day(comparison.from), to: day(comparison.to) })}
          </Title>
          <OccupancyChangeTable changes={comparison.changes} label={t("changeTitle", { from: day(comparison.from), to: day(comparison.to) })} />
        </section>
      )}
      <section aria-labelledby="rules-title">
        <Title order={2} size="h4" id="rules-title" mb={4}>
          {t("rulesTitle")}
        </Title>
        <Text size="sm" maw={820}>
          {t("rules")}
        </Text>
      </section>
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function ReportsPage(props: Parameters<typeof ReportsPageContent>[0]) {
  return (
    <ClientMessages namespaces={["reports", "table"]}>
      <ReportsPageContent {...props} />
    </ClientMessages>
  );
}
