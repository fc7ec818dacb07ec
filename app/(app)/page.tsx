import { Alert } from "@mantine/core";
import { PageTitle, Paragraph, Stack } from "@/components/ui/page-layout";
import { getFormatter, getTranslations } from "next-intl/server";
import { EntityTable } from "@/components/entities/entity-table";
import { ActionRequiredList } from "@/components/onboarding/action-required-list";
import { requiredActions } from "@/lib/domain/onboarding/action-required";
import { FigureGrid } from "@/components/ui/figure-grid";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, primaryRole } from "@/lib/auth/permissions";
import { listEntityOnboardings, listEntityOverview } from "@/lib/domain/entities/queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

async function HomePageContent() {
  const principal = await requireUserForPage();
  const t = await getTranslations("home");
  const format = await getFormatter();
  const role = primaryRole(principal);
  if (!role) return <Alert color="yellow">{t("noRole")}</Alert>;

  const scope = entityScope(principal, role === "manager" ? "reports.read" : "entities.read");
  if (role === "central_expert") {
    // The expert's list shows no position figures: counting them for every entity would read most of the register.
    const rows = await listEntityOnboardings(await db(), { scope });
    const relations = rows.reduce((sum, r) => sum + r.relationCount, 0);
    return (
      <Stack>
        <PageTitle>{t("expertTitle")}</PageTitle>
        <Paragraph>{t("expertIntro", { count: rows.length, relations: format.number(relations) })}</Paragraph>
        <ActionRequiredList actions={requiredActions(rows, "central")} actor="central" />
        <EntityTable rows={rows} label={t("expertTitle")} columns={["policyArea", "type", "relations", "onboarding"]} />
      </Stack>
    );
  }
  const rows = await listEntityOverview(await db(), { scope, asOf: todayInBrussels() });
  if (role === "entity_hr") {
    return (
      <Stack>
        <PageTitle>{t("hrTitle")}</PageTitle>
        <Paragraph>{t("hrIntro")}</Paragraph>
        <ActionRequiredList actions={requiredActions(rows, "entity")} actor="entity" />
        <EntityTable rows={rows} label={t("hrTitle")} columns={["policyArea", "type", "relations", "onboarding", "positions"]} />
      </Stack>
    );
  }
  const tEntity = await getTranslations("entity");
  const totals = rows.reduce(
    (acc, r) => ({ positions: acc.positions + r.positionCount, fte: acc.fte + r.positionFte, occupied: acc.occupied + r.occupiedFte, vacant: acc.vacant + r.vacantFte }),
    { positions: 0, fte: 0, occupied: 0, vacant: 0 },
  );
  const fte = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const figures = [
    { label: tEntity("positions"), value: format.number(totals.positions) },
    { label: tEntity("positionFte"), value: fte(totals.fte) },
    { label: tEntity("occupiedFte"), value: fte(totals.occupied) },
    { label: tEntity("vacantFte"), value: fte(totals.vacant) },
  ];
  return (
    <Stack>
      <PageTitle>{t("managerTitle")}</PageTitle>
      <Paragraph>{t("managerIntro")}</Paragraph>
      <FigureGrid figures={figures} label={t("totals")} />
      <EntityTable rows={rows} label={t("managerTitle")} columns={["policyArea", "relations", "positions", "positionFte", "occupiedFte", "vacantFte"]} />
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function HomePage() {
  return (
    <ClientMessages namespaces={["entity", "entityType", "home", "schedule", "stepState", "steps", "table"]}>
      <HomePageContent />
    </ClientMessages>
  );
}
