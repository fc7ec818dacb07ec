import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PlanListTable } from "@/components/reports/plan-list-table";
import { AnchorLink } from "@/components/ui/anchor-link";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasPermission } from "@/lib/auth/permissions";
import { PLAN_LISTS, planListPage, planListQuerySchema } from "@/lib/domain/reports/plan-lists";
import { todayInBrussels, validIsoDate } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("planLists"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The lists of the personnel plan on a date: vacant, frozen, relations without a position, differing
 * occupants. A page at a time, sorted and counted over the whole list by the database; the download
 * holds every row.
 */
async function PlanListsPageContent({ searchParams }: Props) {
  const principal = await requireUserForPage();
  if (!hasPermission(principal, "reports.read")) notFound();
  const raw = await searchParams;
  const query = planListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const date = validIsoDate(query.date) ?? todayInBrussels();
  const t = await getTranslations("planLists");
  const format = await getFormatter();
  const { rows, total, page, pageSize } = await planListPage(await db(), {
    scope: entityScope(principal, "reports.read"),
    date,
    list: query.list,
    sort: query.sort,
    dir: query.dir,
    page: query.page,
  });
  const listAndDate = new URLSearchParams({ list: query.list, date });
  const sorted = new URLSearchParams({ list: query.list, date, sort: query.sort, dir: query.dir });
  const pageHref = (n: number) => {
    const next = new URLSearchParams(sorted);
    if (n > 0) next.set("page", String(n));
    return `?${next.toString()}`;
  };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const label = t(`list_${query.list}`);
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
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("count", { count: total, date: format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "long" }) })}
      </Text>
      <Stack gap={2}>
        <Anchor href={`/api/reports/lists?${listAndDate.toString()}`}>{t("download")}</Anchor>
        {total > pageSize && (
          <Text size="sm" c="dimmed">
            {t("downloadAll", { total })}
          </Text>
        )}
      </Stack>
      <PlanListTable rows={rows} list={query.list} label={label} sort={query.sort} dir={query.dir} query={listAndDate.toString()} />
      {total > 0 && (
        <Group component="nav" aria-label={t("pages")} gap="md">
          <Text size="sm">{t("pageOf", { from: page * pageSize + 1, to: page * pageSize + rows.length, total })}</Text>
          {pages > 1 && <Text size="sm">{t("pageNumber", { page: page + 1, pages })}</Text>}
          {page > 0 && (
            <>
              <AnchorLink href={pageHref(0)}>{t("first")}</AnchorLink>
              <AnchorLink href={pageHref(page - 1)}>{t("previous")}</AnchorLink>
            </>
          )}
          {page + 1 < pages && (
            <>
              <AnchorLink href={pageHref(page + 1)}>{t("next")}</AnchorLink>
              <AnchorLink href={pageHref(pages - 1)}>{t("last")}</AnchorLink>
            </>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function PlanListsPage(props: Parameters<typeof PlanListsPageContent>[0]) {
  return (
    <ClientMessages namespaces={["planLists", "step1", "table"]}>
      <PlanListsPageContent {...props} />
    </ClientMessages>
  );
}
