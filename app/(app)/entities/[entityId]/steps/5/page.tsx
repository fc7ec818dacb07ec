import { Alert, Anchor, Group, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ImportRunHistory } from "@/components/imports/import-run-details";
import { UploadForm } from "@/components/imports/upload-form";
import { ConfirmActionButton } from "@/components/onboarding/confirm-action-button";
import { ControlRowsTable } from "@/components/step5/control-rows-table";
import { SkippedAssignments } from "@/components/step6/skipped-assignments";
import { AnchorLink } from "@/components/ui/anchor-link";
import { FigureGrid } from "@/components/ui/figure-grid";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { listImportRuns } from "@/lib/domain/imports/import-queries";
import { listStep4Runs } from "@/lib/domain/step4/step4-queries";
import { CONTROL_IMPORT_KIND } from "@/lib/domain/step5/control-import";
import { listControlRows, step6Counts } from "@/lib/domain/step5/control-queries";
import { previewTakeOver } from "@/lib/domain/step5/control-assignments";
import { submitControlReportAction, takeOverRequestedAction } from "@/lib/domain/step5/step5-actions";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

const PAGE_SIZE = 100;
const SHOWN_SKIPPED = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("step5"))("title") };
}

type Props = { params: Promise<{ entityId: string }>; searchParams: Promise<{ page?: string }> };

/** Step 5: who goes into each position of step 4, by uploading the filled control report or choosing online; then submit. */
async function Step5PageContent({ params, searchParams }: Props) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const query = await searchParams;
  const database = await db();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "personnel.read") });
  if (!entity) notFound();
  const t = await getTranslations("step5");
  const format = await getFormatter();
  const canAct = hasEntityPermission(principal, "onboarding.entityStep", entity.id);
  const open = entity.currentStep === 5;
  const page = Math.max(0, Number.parseInt(query.page ?? "0", 10) || 0);
  const { rows, total } = await listControlRows(database, entity.id, { limit: PAGE_SIZE, offset: page * PAGE_SIZE });
  const counts = await step6Counts(database, entity.id);
  const report = (await listStep4Runs(database, entity.id)).find((r) => r.state === "done" && r.output_file_id);
  const runs = await listImportRuns(database, CONTROL_IMPORT_KIND, entity.id);
  const stage = entity.currentStep < 5 ? "not_yet" : open ? "open" : "closed";
  const takeOver = canAct && open ? await previewTakeOver(database, entity.id) : null;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
        <Title order={1}>{t("title")}</Title>
      </Stack>
      <Text maw={820}>{t("intro")}</Text>
      <Alert color={open ? "orange" : "gray"} role="status">
        {t(`stage_${stage}`)}
      </Alert>

      {report?.output_file_id && (
        <section aria-labelledby="report-title">
          <Title order={2} size="h3" id="report-title" mb="xs">
            {t("reportTitle")}
          </Title>
          <Text mb="sm">{t("reportIntro")}</Text>
          <Anchor href={`/api/files/${report.output_file_id}`}>{t("downloadReport")}</Anchor>
        </section>
      )}

      {takeOver && takeOver.named > 0 && (
        <section aria-labelledby="take-over-title">
          <Title order={2} size="h3" id="take-over-title" mb="xs">
            {t("takeOverTitle")}
          </Title>
          <Stack gap="sm" align="flex-start">
            <Text maw={820}>{takeOver.assignments.length > 0 ? t("takeOverIntro", { count: takeOver.assignments.length }) : t("takeOverNothingLeft")}</Text>
            <ConfirmActionButton
              action={takeOverRequestedAction}
              entityId={entity.id}
              label={t("takeOver")}
              confirm={t("takeOverConfirm", { count: takeOver.assignments.length })}
              done={t("takenOver")}
              cancel={t("cancel")}
              available={takeOver.assignments.length > 0}
            />
            {takeOver.skipped.length > 0 && (
              <details>
                <summary>{t("takeOverSkipped", { count: takeOver.skipped.length })}</summary>
                <ul>
                  {takeOver.skipped.slice(0, SHOWN_SKIPPED).map((s) => (
                    <li key={s.positionNumber}>{t("takeOverSkippedRow", { number: s.positionNumber, reason: s.reason })}</li>
                  ))}
                  {takeOver.skipped.length > SHOWN_SKIPPED && <li>…</li>}
                </ul>
              </details>
            )}
          </Stack>
        </section>
      )}

      {canAct && open && (
        <section aria-labelledby="upload-title">
          <Title order={2} size="h3" id="upload-title" mb="xs">
            {t("uploadTitle")}
          </Title>
          <Text mb="sm">{t("uploadIntro")}</Text>
          <UploadForm uploadUrl={`/api/entities/${entity.id}/control-report/uploads`} label={t("uploadLabel")} labelledBy="upload-title" />
        </section>
      )}

      <ImportRunHistory runs={runs} upload="control" confirmTarget={canAct && open ? { type: "control", entityId: entity.id } : null} />

      {total > 0 && (
        <section aria-labelledby="rows-title">
          <Title order={2} size="h3" id="rows-title" mb="xs">
            {t("rowsTitle")}
          </Title>
          <Stack gap="sm">
            <FigureGrid
              figures={[
                { label: t("figureAssigned"), value: format.number(counts.assigned), accent: "blue" },
                { label: t("figureVacant"), value: format.number(counts.vacant) },
              ]}
            />
            <SkippedAssignments counts={counts} />
            <ControlRowsTable entityId={entity.id} rows={rows} canAssign={canAct && open} />
            {total > PAGE_SIZE && (
              <Group>
                {page > 0 && <Anchor href={`?page=${page - 1}`}>{t("previous")}</Anchor>}
                <Text size="sm">{t("pageOf", { from: page * PAGE_SIZE + 1, to: Math.min(total, (page + 1) * PAGE_SIZE), total })}</Text>
                {(page + 1) * PAGE_SIZE < total && <Anchor href={`?page=${page + 1}`}>{t("next")}</Anchor>}
              </Group>
            )}
            {canAct && open && (
              <ConfirmActionButton
                action={submitControlReportAction}
                entityId={entity.id}
                color="green"
                label={t("submit")}
                confirm={t("submitConfirm", { link: counts.link, vacant: counts.vacant })}
                done={t("submitted")}
                cancel={t("cancel")}
              />
            )}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function Step5Page(props: Parameters<typeof Step5PageContent>[0]) {
  return (
    <ClientMessages namespaces={["imports", "step5", "table"]}>
      <Step5PageContent {...props} />
    </ClientMessages>
  );
}
