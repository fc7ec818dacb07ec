import { Button, Table, TableScrollContainer, TableTbody, TableTh, TableThead, TableTr, TextInput } from "@mantine/core";
import { PageTitle, Paragraph, Row, Stack } from "@/components/ui/page-layout";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreatePositionButton } from "@/components/positions/plan-dialogs";
import { AnchorLink } from "@/components/ui/anchor-link";
import { PlainBadge, PlainCell, PlainLink, PlainRow } from "@/components/ui/plain-table";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { listPlanPositions } from "@/lib/domain/positions/plan-queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("title") };
}

type Props = { params: Promise<{ entityId: string }>; searchParams: Promise<{ q?: string; page?: string }> };

/** The entity's personnel plan: its positions as they are now (or as planned), with their occupancy. */
async function PositionsPageContent({ params, searchParams }: Props) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const query = await searchParams;
  const database = await db();
  const today = todayInBrussels();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "positions.read") });
  if (!entity) notFound();
  const t = await getTranslations("plan");
  const format = await getFormatter();
  const page = Math.max(0, Number.parseInt(query.page ?? "0", 10) || 0);
  const q = (query.q ?? "").trim().slice(0, 100);
  const { rows, total } = await listPlanPositions(database, entity.id, { date: today, q: q || undefined, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const canWrite = hasEntityPermission(principal, "positions.write", entity.id);
  const href = (next: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(next) }).toString()}`;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
        <PageTitle>{t("title")}</PageTitle>
      </Stack>
      <Paragraph maxWidth={820}>{t(canWrite ? "intro" : "introReadOnly")}</Paragraph>
      <Row align="flex-end" justify="space-between">
        <form method="get" aria-label={t("search")}>
          <Row align="flex-end">
            <TextInput name="q" label={t("search")} defaultValue={q} />
            <Button type="submit" variant="default">
              {t("searchButton")}
            </Button>
          </Row>
        </form>
        {canWrite && <CreatePositionButton entityId={entity.id} />}
      </Row>
      <Paragraph size="sm">{t("count", { total })}</Paragraph>
      {total === 0 && <Paragraph dimmed>{q ? t("noMatch", { q }) : t(canWrite ? "noPositions" : "noPositionsReadOnly")}</Paragraph>}
      {total > 0 && (
        <TableScrollContainer minWidth={900}>
          <Table striped withTableBorder aria-label={t("title")}>
            <TableThead>
              <TableTr>
                {(["number", "function", "grade", "unit", "fte", "occupied", "state", "validFrom"] as const).map((c) => (
                  <TableTh key={c} scope="col" ta={c === "fte" || c === "occupied" ? "right" : undefined}>
                    {t(`col_${c}`)}
                  </TableTh>
                ))}
              </TableTr>
            </TableThead>
            <TableTbody>
              {rows.map((row) => (
                <PlainRow key={row.id} striped>
                  <PlainCell>
                    <PlainLink href={`/entities/${entity.id}/positions/${row.id}`}>{String(row.number)}</PlainLink>
                  </PlainCell>
                  <PlainCell>{`${row.functionCode} – ${row.functionTitle}`}</PlainCell>
                  <PlainCell>{row.gradeCode ?? "—"}</PlainCell>
                  <PlainCell>{row.unitCode ?? "—"}</PlainCell>
                  <PlainCell align="right">{format.number(row.fte, { maximumFractionDigits: 3 })}</PlainCell>
                  <PlainCell align="right">
                    {row.overOccupied && <PlainBadge color="orange">{t("overOccupied")}</PlainBadge>} {format.number(row.occupiedFte, { maximumFractionDigits: 3 })}
                  </PlainCell>
                  <PlainCell>
                    <PlainBadge color={row.lifecycle === "active" ? "green" : row.lifecycle === "frozen" ? "cyan" : "gray"}>{t(`lifecycle_${row.lifecycle}`)}</PlainBadge>
                  </PlainCell>
                  <PlainCell>{format.dateTime(new Date(`${row.validFrom}T12:00:00Z`), { dateStyle: "short" })}</PlainCell>
                </PlainRow>
              ))}
            </TableTbody>
          </Table>
        </TableScrollContainer>
      )}
      {total > PAGE_SIZE && (
        <Row>
          {page > 0 && <AnchorLink href={href(page - 1)}>{t("previous")}</AnchorLink>}
          <Paragraph size="sm">{t("pageOf", { from: page * PAGE_SIZE + 1, to: Math.min(total, (page + 1) * PAGE_SIZE), total })}</Paragraph>
          {(page + 1) * PAGE_SIZE < total && <AnchorLink href={href(page + 1)}>{t("next")}</AnchorLink>}
        </Row>
      )}
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function PositionsPage(props: Parameters<typeof PositionsPageContent>[0]) {
  return (
    <ClientMessages namespaces={["plan", "step2"]}>
      <PositionsPageContent {...props} />
    </ClientMessages>
  );
}
