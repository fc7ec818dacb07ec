import {
  Badge,
  Group,
  List,
  ListItem,
  Stack,
  Table,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  ThemeIcon,
  Title,
} from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExportRelationsButton } from "@/components/entities/export-relations-button";
import { EntityTimeline } from "@/components/entities/entity-timeline";
import { FigureGrid } from "@/components/ui/figure-grid";
import { StepStateBadge } from "@/components/entities/step-state-badge";
import { AnchorLink } from "@/components/ui/anchor-link";
import { currentPrincipal, requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { ReopenStepForm } from "@/components/onboarding/reopen-step-form";
import { listEntityActivity } from "@/lib/domain/entities/activity-queries";
import { findEntityOverviewInScope, relationStatusCounts } from "@/lib/domain/entities/queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { AgreementsSection } from "@/components/agreements/agreements-section";
import { EntitySlotChooser } from "@/components/planning/planning-forms";
import { listAgreements } from "@/lib/domain/agreements/agreement-store";
import { entityPlanning } from "@/lib/domain/planning/planning-store";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ entityId: string }> };

/** Once per request: the title and the page both need the entity, and its figures cost a query over all its positions. */
const loadEntity = cache(async (entityId: string) => {
  const principal = await currentPrincipal();
  if (!principal) return null;
  return findEntityOverviewInScope(await db(), { entityId, scope: entityScope(principal, "entities.read"), asOf: todayInBrussels() });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entity = await loadEntity((await params).entityId);
  return { title: entity?.name ?? (await getTranslations("errors"))("notFoundTitle") };
}

async function EntityPageContent({ params }: Props) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const entity = await loadEntity(entityId);
  if (!entity) notFound();

  const t = await getTranslations();
  const format = await getFormatter();
  const canSeePersonnel = hasEntityPermission(principal, "personnel.read", entity.id);
  const canSeeReference = hasEntityPermission(principal, "reference.read", entity.id);
  const counts = canSeePersonnel ? await relationStatusCounts(await db(), entity.id) : [];
  // The timeline shows files and who handled them: for those who work on the entity, not managers.
  const activity = canSeePersonnel ? await listEntityActivity(await db(), entity.id) : [];
  const canSeeAgreements = hasEntityPermission(principal, "agreements.read", entity.id);
  const agreements = canSeeAgreements ? await listAgreements(await db(), entity.id) : [];
  const today = todayInBrussels();
  const planning = hasEntityPermission(principal, "planning.read", entity.id) ? await entityPlanning(await db(), { entityId: entity.id, today }) : null;
  const fte = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const figures = [
    { label: t("entity.relations"), value: format.number(entity.relationCount) },
    { label: t("entity.positions"), value: format.number(entity.positionCount) },
    { label: t("entity.positionFte"), value: fte(entity.positionFte) },
    { label: t("entity.occupiedFte"), value: fte(entity.occupiedFte) },
  ];

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{entity.name}</Title>
        <Group gap="xs">
          <Badge variant="outline">{entity.code}</Badge>
          <Badge variant="light">{t(`entityType.${entity.type}`)}</Badge>
          <Text size="sm">
            {t("entity.policyArea")}: {entity.policyAreaName} ({entity.policyAreaCode})
          </Text>
        </Group>
      </Stack>

      <FigureGrid figures={figures} />

      <section aria-labelledby="steps-title">
        <Title order={2} id="steps-title" size="h3" mb="sm">{t("entity.stepsTitle")}</Title>
        <List spacing="xs" listStyleType="none" component="ol">
          {[1, 2, 3, 4, 5, 6].map((step) => {
            const isCurrent = step === entity.currentStep;
            const state = step < entity.currentStep ? "done" : isCurrent ? entity.currentState : "not_started";
            return (
              <ListItem key={step} aria-current={isCurrent ? "step" : undefined}
                icon={<ThemeIcon size="sm" radius="xl" variant={isCurrent ? "filled" : "light"}>{step}</ThemeIcon>}>
                <Group gap="xs">
                  {step === 1 || step === 6 || (step >= 2 && step <= 5 && canSeePersonnel) ? (
                    <AnchorLink href={`/entities/${entity.id}/steps/${step}`} bold={isCurrent}>
                      {t(`steps.${step}` as "steps.1")}
                    </AnchorLink>
                  ) : (
                    <Text fw={isCurrent ? 700 : 400}>{t(`steps.${step}` as "steps.1")}</Text>
                  )}
                  <StepStateBadge state={state} />
                  {isCurrent && <Text size="xs" c="dimmed">({t("entity.current")})</Text>}
                </Group>
              </ListItem>
            );
          })}
        </List>
      </section>

      {!canSeePersonnel && hasEntityPermission(principal, "positions.read", entity.id) && (
        <AnchorLink href={`/entities/${entity.id}/positions`}>{t("plan.title")}</AnchorLink>
      )}

      {canSeePersonnel && (
        <section aria-labelledby="personnel-title">
          <Title order={2} id="personnel-title" size="h3" mb="sm">{t("entity.relationsTitle")}</Title>
          <Table withTableBorder maw={520} mb="sm">
            <TableThead>
              <TableTr>
                <TableTh scope="col">{t("entity.kind")}</TableTh>
                <TableTh scope="col">{t("entity.status")}</TableTh>
                <TableTh scope="col" ta="right">{t("entity.count")}</TableTh>
              </TableTr>
            </TableThead>
            <TableTbody>
              {counts.map((c) => (
                <TableTr key={`${c.kind}-${c.status}`}>
                  <TableTd>{t(`relationKind.${c.kind}` as "relationKind.employee")}</TableTd>
                  <TableTd>{t(`relationStatus.${c.status}` as "relationStatus.active")}</TableTd>
                  <TableTd ta="right">{format.number(c.count)}</TableTd>
                </TableTr>
              ))}
            </TableTbody>
          </Table>
          <Group gap="sm" align="flex-start">
            <AnchorLink href={`/entities/${entity.id}/personnel`}>{t("personnel.openImport")}</AnchorLink>
            <AnchorLink href={`/entities/${entity.id}/positions`}>{t("plan.title")}</AnchorLink>
            {canSeeReference && <AnchorLink href={`/entities/${entity.id}/reference/org-units`}>{t("reference.kind_org-units")}</AnchorLink>}
            {canSeeReference && <AnchorLink href={`/entities/${entity.id}/reference/cost-centres`}>{t("reference.kind_cost-centres")}</AnchorLink>}
          </Group>
          <ExportRelationsButton entityId={entity.id} />
        </section>
      )}
      {planning && entity.currentStep < 7 && (
        <section aria-labelledby="slot-title">
          <Title order={2} id="slot-title" size="h3" mb="sm">{t("planning.entityTitle")}</Title>
          <EntitySlotChooser
            entityId={entity.id}
            current={planning.current}
            locked={planning.locked}
            slots={planning.slots}
            canChoose={hasEntityPermission(principal, "planning.choose", entity.id)}
          />
        </section>
      )}

      {canSeeAgreements && (
        <section aria-labelledby="agreements-title">
          <Title order={2} id="agreements-title" size="h3" mb="sm">{t("agreements.title")}</Title>
          <AgreementsSection
            entityId={entity.id}
            agreements={agreements}
            canWrite={hasEntityPermission(principal, "agreements.write", entity.id)}
            userId={principal.userId}
            today={today}
          />
        </section>
      )}

      {hasEntityPermission(principal, "onboarding.reopen", entity.id) && entity.currentStep > 1 && (
        <section aria-labelledby="reopen-title">
          <Title order={2} id="reopen-title" size="h3" mb="sm">{t("reopen.title")}</Title>
          <ReopenStepForm entityId={entity.id} currentStep={entity.currentStep} />
        </section>
      )}

      {canSeePersonnel && <EntityTimeline events={activity} />}
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function EntityPage(props: Parameters<typeof EntityPageContent>[0]) {
  return (
    <ClientMessages namespaces={["agreements", "entity", "nav", "planning", "reopen", "steps"]}>
      <EntityPageContent {...props} />
    </ClientMessages>
  );
}
