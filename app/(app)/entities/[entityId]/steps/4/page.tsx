import { Alert, Anchor, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConfirmActionButton } from "@/components/onboarding/confirm-action-button";
import { StepRunsList } from "@/components/onboarding/step-runs-list";
import { AnchorLink } from "@/components/ui/anchor-link";
import { FigureGrid } from "@/components/ui/figure-grid";
import { StepJobProgress } from "@/components/jobs/step-job-progress";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { startStep4Action } from "@/lib/domain/step4/step4-actions";
import { listStep4Runs, step4Counts } from "@/lib/domain/step4/step4-queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("step4"))("title") };
}

/** Step 4: the dry run of the requested positions, the run, and the control report it produced. */
async function Step4PageContent({ params }: { params: Promise<{ entityId: string }> }) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const database = await db();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "personnel.read") });
  if (!entity) notFound();
  const t = await getTranslations("step4");
  const format = await getFormatter();
  const counts = await step4Counts(database, entity.id);
  const runs = await listStep4Runs(database, entity.id);
  const running = runs.some((r) => r.state === "running");
  const report = runs.find((r) => r.state === "done" && r.output_file_id);
  const isCentral = hasEntityPermission(principal, "onboarding.runAutomatedStep", entity.id);
  const canRun = isCentral && entity.currentStep === 4 && !running;
  // "Waiting for you" is for the entity's HR; the central team sees that it waits for the entity.
  const waitsForEntity = report && entity.currentStep === 5;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
        <Title order={1}>{t("title")}</Title>
      </Stack>
      <Text maw={820}>{t("intro")}</Text>
      {entity.currentStep < 4 && <Alert color="gray">{t("notYet")}</Alert>}
      {waitsForEntity && !isCentral && (
        <Alert color="orange" role="status" title={t("waitingTitle")}>
          {t("waiting")}
        </Alert>
      )}
      {waitsForEntity && isCentral && (
        <Alert color="gray" role="status">
          {t("waitingForEntity")}
        </Alert>
      )}

      <section aria-labelledby="dry-run-title">
        <Title order={2} size="h3" id="dry-run-title" mb="xs">
          {t("dryRunTitle")}
        </Title>
        {entity.currentStep <= 4 && (
          <Alert color="blue" mb="sm">
            {t("summary", { create: counts.create })}
          </Alert>
        )}
        <FigureGrid
          figures={[
            { label: t("figureCreate"), value: format.number(counts.create), accent: "blue" },
            { label: t("figureAlreadyCreated"), value: format.number(counts.alreadyCreated) },
            { label: t("figureNotNeeded"), value: format.number(counts.notNeeded) },
          ]}
        />
      </section>

      {canRun && (
        <ConfirmActionButton
          action={startStep4Action}
          entityId={entity.id}
          label={t("run")}
          confirm={t("runConfirm", { create: counts.create })}
          done={t("started")}
          cancel={t("cancel")}
        />
      )}

      {report?.output_file_id && (
        <section aria-labelledby="report-title">
          <Title order={2} size="h3" id="report-title" mb="xs">
            {t("reportTitle")}
          </Title>
          <Text mb="sm">{t("reportIntro")}</Text>
          <Anchor href={`/api/files/${report.output_file_id}`}>{t("downloadReport")}</Anchor>
        </section>
      )}

      {runs[0]?.job_run_id && (runs[0].state === "running" || runs[0].state === "failed") && <StepJobProgress jobRunId={runs[0].job_run_id} />}

      <StepRunsList runs={runs} namespace="step4" summary={(run) => t("runCreated", { created: run.counts.created ?? 0 })} />
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function Step4Page(props: Parameters<typeof Step4PageContent>[0]) {
  return (
    <ClientMessages namespaces={["jobs"]}>
      <Step4PageContent {...props} />
    </ClientMessages>
  );
}
