import { Alert, Badge, Group, List, ListItem, Stack, Table, TableTbody, TableTd, TableTh, TableThead, TableTr, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AbolishButton, ChangePositionButton, FreezeButton, LinkButton, UnlinkButton } from "@/components/positions/plan-dialogs";
import { PositionHistory } from "@/components/step2/position-history";
import { AnchorLink } from "@/components/ui/anchor-link";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { planPositionDetail } from "@/lib/domain/positions/plan-queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("positionTitle", { number: "" }) };
}

type Props = { params: Promise<{ entityId: string; positionId: string }> };

/** One position: its current data, who occupies it since when, its history, and the plan's actions. */
async function PositionPageContent({ params }: Props) {
  const principal = await requireUserForPage();
  const { entityId, positionId } = await params;
  const database = await db();
  const today = todayInBrussels();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "personnel.read") });
  if (!entity) notFound();
  const position = /^[0-9a-f-]{36}$/.test(positionId) ? await planPositionDetail(database, entity.id, positionId, today) : null;
  if (!position) notFound();
  const t = await getTranslations("plan");
  const format = await getFormatter();
  const canWrite = hasEntityPermission(principal, "positions.write", entity.id);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium" });
  const lastDay = (validTo: string) => {
    const d = new Date(`${validTo}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return format.dateTime(d, { dateStyle: "medium" });
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="xs">
          <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
          <Text c="dimmed">/</Text>
          <AnchorLink href={`/entities/${entity.id}/positions`}>{t("title")}</AnchorLink>
        </Group>
        <Group gap="sm">
          <Title order={1}>{t("positionTitle", { number: position.number })}</Title>
          <Badge variant="light" color={position.lifecycle === "active" ? "green" : position.lifecycle === "frozen" ? "cyan" : "gray"}>
            {t(`lifecycle_${position.lifecycle}`)}
          </Badge>
        </Group>
      </Stack>
      <List spacing={2} listStyleType="none" aria-label={t("data")}>
        <ListItem>{t("dataFunction", { code: position.functionCode, title: position.functionTitle })}</ListItem>
        <ListItem>{t("dataGrade", { grade: position.gradeCode ?? "—" })}</ListItem>
        <ListItem>{t("dataUnit", { unit: position.unitCode ? `${position.unitCode} – ${position.unitName ?? ""}` : "—" })}</ListItem>
        <ListItem>{t("dataCostCentre", { code: position.costCentreCode ?? "—", location: position.dutyLocationCode ?? "—" })}</ListItem>
        <ListItem>{t("dataFte", { fte: format.number(position.fte, { maximumFractionDigits: 3 }), from: day(position.validFrom) })}</ListItem>
      </List>
      {canWrite && position.lifecycle !== "abolished" && (
        <Group>
          <ChangePositionButton entityId={entity.id} position={position} />
          <FreezeButton entityId={entity.id} positionId={position.id} revision={position.revision} frozen={position.lifecycle === "frozen"} />
          <AbolishButton entityId={entity.id} positionId={position.id} revision={position.revision} />
          <LinkButton entityId={entity.id} positionId={position.id} />
        </Group>
      )}
      <section aria-labelledby="occupants-title">
        <Title order={2} size="h3" id="occupants-title" mb="xs">
          {t("occupants")}
        </Title>
        <Text size="sm" mb="xs">
          {t("occupiedNow", { fte: format.number(position.occupiedFte, { maximumFractionDigits: 3 }) })}
        </Text>
        {position.overOccupied && (
          <Alert color="orange" mb="xs" title={t("overOccupied")}>
            {t("overOccupiedNow", { occupied: format.number(position.occupiedFte, { maximumFractionDigits: 3 }) })}
          </Alert>
        )}
        {position.links.length === 0 ? (
          <Text>{t("noLinks")}</Text>
        ) : (
          <Table withTableBorder aria-labelledby="occupants-title">
            <TableThead>
              <TableTr>
                <TableTh scope="col">{t("col_person")}</TableTh>
                <TableTh scope="col" ta="right">
                  {t("col_fte")}
                </TableTh>
                <TableTh scope="col">{t("col_since")}</TableTh>
                <TableTh scope="col">{t("col_until")}</TableTh>
                {canWrite && <TableTh scope="col">{t("col_actions")}</TableTh>}
              </TableTr>
            </TableThead>
            <TableTbody>
              {position.links.map((link) => (
                <TableTr key={link.id}>
                  <TableTd>
                    <AnchorLink href={`/entities/${entity.id}/relations/${link.relationId}`}>{`${link.name} (${link.vlimpers}/${link.relationNumber})`}</AnchorLink>
                  </TableTd>
                  <TableTd ta="right">{format.number(link.fte, { maximumFractionDigits: 3 })}</TableTd>
                  <TableTd>{day(link.validFrom)}</TableTd>
                  <TableTd>{link.validTo ? lastDay(link.validTo) : "—"}</TableTd>
                  {canWrite && <TableTd>{(!link.validTo || link.validTo > today) && <UnlinkButton entityId={entity.id} linkId={link.id} who={link.name} />}</TableTd>}
                </TableTr>
              ))}
            </TableTbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="history-title">
        <Title order={2} size="h3" id="history-title" mb="xs">
          {t("history")}
        </Title>
        {/* Keyed by revision: a change re-renders the page, and the history loads again. */}
        <PositionHistory key={position.revision} entityId={entity.id} positionId={position.id} />
      </section>
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function PositionPage(props: Parameters<typeof PositionPageContent>[0]) {
  return (
    <ClientMessages namespaces={["plan", "step2"]}>
      <PositionPageContent {...props} />
    </ClientMessages>
  );
}
