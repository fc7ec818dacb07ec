import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlanListTable } from "@/components/reports/plan-list-table";
import { AnchorLink } from "@/components/ui/anchor-link";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasPermission } from "@/lib/auth/permissions";
import { PLAN_LISTS, planList, planListQuerySchema } from "@/lib/domain/reports/plan-lists";
import { todayInBrussels, validIsoDate } from "@/lib/dates";
import { db } from "@/lib/server/database";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("planLists"))("title") };
}

/** The lists of the personnel plan on a date: vacant, frozen, relations without a position, differing occupants. */
export default async function PlanListsPage({ searchParams }: { searchParams: Promise<{ list?: string; date?: string }> }) {
  const principal = await requireUserForPage();
  if (!hasPermission(principal, "reports.read")) notFound();
  const query = planListQuerySchema.parse(await searchParams);
  const date = validIsoDate(query.date) ?? todayInBrussels();
  const t = await getTranslations("planLists");
  const format = await getFormatter();
  const rows = await planList(await db(), { scope: entityScope(principal, "reports.read"), date, list: query.list });
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink href="/reports">{(await getTranslations("reports"))("title")}</AnchorLink>
        <Title order={1}>{t("title")}</Title>
      </Stack>
      <form method="get" aria-label={t("choose")}>
        <Group align="flex-end">
          <NativeSelect name="list" label={t("list")} defaultValue={query.list} data={PLAN_LISTS.map((l) => ({ value: l, label: t(`list_${l}`) }))} />
          <TextInput type="date" name="date" label={t("date")} defaultValue={date} required />
          <Button type="submit" variant="default">
            {t("show")}
          </Button>
        </Group>
      </form>
      <Text>{t(`intro_${query.list}`)}</Text>
      <Text size="sm" c="dimmed">
        {t("count", { count: rows.length, date: format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "long" }) })}
      </Text>
      <Anchor href={`/api/reports/lists?${new URLSearchParams({ list: query.list, date }).toString()}`}>{t("download")}</Anchor>
      <PlanListTable rows={rows} list={query.list} label={t(`list_${query.list}`)} />
    </Stack>
  );
}
