import { Badge, Group, List, ListItem, Stack, Table, TableTbody, TableTd, TableTh, TableThead, TableTr, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AnchorLink } from "@/components/ui/anchor-link";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { relationDetail } from "@/lib/domain/positions/relation-queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("relation"))("title") };
}

/** One employment relation: the person, the relation's data, and the positions it held, since when and until when. */
export default async function RelationPage({ params }: { params: Promise<{ entityId: string; relationId: string }> }) {
  const principal = await requireUserForPage();
  const { entityId, relationId } = await params;
  const database = await db();
  const today = todayInBrussels();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "personnel.read") });
  if (!entity) notFound();
  const relation = /^[0-9a-f-]{36}$/.test(relationId) ? await relationDetail(database, entity.id, relationId) : null;
  if (!relation) notFound();
  const t = await getTranslations("relation");
  const tRoot = await getTranslations();
  const format = await getFormatter();
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium" });
  const lastDay = (validTo: string) => {
    const d = new Date(`${validTo}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return format.dateTime(d, { dateStyle: "medium" });
  };
  const current = relation.links.find((l) => l.validFrom <= today && (!l.validTo || l.validTo > today));

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
        <Group gap="sm">
          <Title order={1}>{t("heading", { name: relation.name, vlimpers: relation.vlimpers, number: relation.relationNumber })}</Title>
          {!relation.inPersonnelList && <Badge color="gray">{t("notInList")}</Badge>}
        </Group>
      </Stack>
      <List spacing={2} listStyleType="none" aria-label={t("data")}>
        <ListItem>{t("kindStatus", { kind: tRoot(`relationKind.${relation.kind}` as "relationKind.employee"), status: tRoot(`relationStatus.${relation.status}` as "relationStatus.active") })}</ListItem>
        <ListItem>{t("dates", { start: day(relation.startDate), end: relation.endDate ? day(relation.endDate) : "—" })}</ListItem>
        <ListItem>{t("function", { code: relation.functionCode ?? "—", title: relation.functionTitle ?? "", grade: relation.gradeCode ?? "—", unit: relation.unitCode ?? "—" })}</ListItem>
        <ListItem>{t("fte", { fte: format.number(relation.fte, { maximumFractionDigits: 3 }) })}</ListItem>
      </List>
      <Text>
        {current ? (
          <>
            {t("currentPosition")} <AnchorLink href={`/entities/${entity.id}/positions/${current.positionId}`}>{String(current.positionNumber)}</AnchorLink>
          </>
        ) : (
          t("noPosition")
        )}
      </Text>
      <section aria-labelledby="links-title">
        <Title order={2} size="h3" id="links-title" mb="xs">
          {t("history")}
        </Title>
        {relation.links.length === 0 ? (
          <Text>{t("noLinks")}</Text>
        ) : (
          <Table withTableBorder aria-labelledby="links-title" maw={720}>
            <TableThead>
              <TableTr>
                <TableTh scope="col">{t("col_position")}</TableTh>
                <TableTh scope="col" ta="right">
                  {t("col_fte")}
                </TableTh>
                <TableTh scope="col">{t("col_from")}</TableTh>
                <TableTh scope="col">{t("col_until")}</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {relation.links.map((link) => (
                <TableTr key={link.id}>
                  <TableTd>
                    <AnchorLink href={`/entities/${entity.id}/positions/${link.positionId}`}>{String(link.positionNumber)}</AnchorLink>
                  </TableTd>
                  <TableTd ta="right">{format.number(link.fte, { maximumFractionDigits: 3 })}</TableTd>
                  <TableTd>{day(link.validFrom)}</TableTd>
                  <TableTd>{link.validTo ? lastDay(link.validTo) : "—"}</TableTd>
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}
