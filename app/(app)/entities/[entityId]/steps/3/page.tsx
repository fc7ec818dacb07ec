import { Alert, Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ImportRunHistory } from "@/components/imports/import-run-details";
import { UploadForm } from "@/components/imports/upload-form";
import { RequestsTable } from "@/components/step3/requests-table";
import { ConfirmActionButton } from "@/components/onboarding/confirm-action-button";
import { AnchorLink } from "@/components/ui/anchor-link";
import { FigureGrid } from "@/components/ui/figure-grid";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { listImportRuns } from "@/lib/domain/imports/import-queries";
import { latestStep1RunDate } from "@/lib/domain/step2/report-queries";
import { TEMPLATE_IMPORT_KIND } from "@/lib/domain/step3/template-import";
import { templateGreenLines } from "@/lib/domain/step3/template-queries";
import { listTemplateRequests } from "@/lib/domain/step3/template-requests";
import { submitTemplateAction } from "@/lib/domain/step3/step3-actions";
import { templateStage } from "@/lib/domain/step3/template-state";
import { step4Counts } from "@/lib/domain/step4/step4-queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

const PAGE_SIZE = 100;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("step3"))("title") };
}

type Props = { params: Promise<{ entityId: string }>; searchParams: Promise<{ page?: string }> };

/** Step 3: download the template, upload it filled in, accept it, correct rows online, submit. */
async function Step3PageContent({ params, searchParams }: Props) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const query = await searchParams;
  const database = await db();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "personnel.read") });
  if (!entity) notFound();
  const t = await getTranslations("step3");
  const format = await getFormatter();
  const stage = await templateStage(database, entity.id);
  const canAct = hasEntityPermission(principal, "onboarding.entityStep", entity.id);
  const changeable = canAct && (stage === "open" || stage === "submitted");
  const runDate = await latestStep1RunDate(database, entity.id);
  const greenLines = runDate ? (await templateGreenLines(database, entity.id, runDate)).length : 0;
  const page = Math.max(0, Number.parseInt(query.page ?? "0", 10) || 0);
  const requests = await listTemplateRequests(database, entity.id, { limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const counts = await step4Counts(database, entity.id);
  const requested = counts.create + counts.alreadyCreated;
  const runs = await listImportRuns(database, TEMPLATE_IMPORT_KIND, entity.id);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
        <Title order={1}>{t("title")}</Title>
      </Stack>
      <Text maw={820}>{t("intro")}</Text>
      <Alert color={stage === "open" ? "blue" : "gray"} role="status">
        {t(`stage_${stage}`)}
      </Alert>

      {runDate && (
        <section aria-labelledby="download-title">
          <Title order={2} size="h3" id="download-title" mb="xs">
            {t("downloadTitle")}
          </Title>
          <Text mb="sm">{t("downloadIntro", { count: greenLines })}</Text>
          <Button component="a" href={`/api/entities/${entity.id}/position-template`} variant="light">
            {t("download")}
          </Button>
        </section>
      )}

      {changeable && (
        <section aria-labelledby="upload-title">
          <Title order={2} size="h3" id="upload-title" mb="xs">
            {t("uploadTitle")}
          </Title>
          <Text mb="sm">{t("uploadIntro")}</Text>
          <UploadForm uploadUrl={`/api/entities/${entity.id}/position-template/uploads`} label={t("uploadLabel")} labelledBy="upload-title" />
        </section>
      )}

      <ImportRunHistory runs={runs} upload="template" confirmTarget={changeable ? { type: "template", entityId: entity.id } : null} />

      <section aria-labelledby="requests-title">
        <Title order={2} size="h3" id="requests-title" mb="xs">
          {t("requestsTitle")}
        </Title>
        {requests.total === 0 ? (
          <Text>{t("noRequests")}</Text>
        ) : (
          <Stack gap="sm">
            <FigureGrid
              figures={[
                { label: t("figureRequested"), value: format.number(requested), accent: "blue" },
                { label: t("figureNotNeeded"), value: format.number(counts.notNeeded) },
              ]}
            />
            <RequestsTable entityId={entity.id} rows={requests.rows} canCorrect={changeable} />
            {requests.total > PAGE_SIZE && (
              <Group>
                {page > 0 && <Anchor href={`?page=${page - 1}`}>{t("previous")}</Anchor>}
                <Text size="sm">{t("pageOf", { from: page * PAGE_SIZE + 1, to: Math.min(requests.total, (page + 1) * PAGE_SIZE), total: requests.total })}</Text>
                {(page + 1) * PAGE_SIZE < requests.total && <Anchor href={`?page=${page + 1}`}>{t("next")}</Anchor>}
              </Group>
            )}
            {canAct && stage === "open" && (
              <ConfirmActionButton
                action={submitTemplateAction}
                entityId={entity.id}
                color="green"
                label={t("submit")}
                confirm={t("submitConfirm", { requested, notNeeded: counts.notNeeded })}
                done={t("submitted")}
                cancel={t("cancel")}
              />
            )}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function Step3Page(props: Parameters<typeof Step3PageContent>[0]) {
  return (
    <ClientMessages namespaces={["imports", "step3", "table"]}>
      <Step3PageContent {...props} />
    </ClientMessages>
  );
}
