import { Alert, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConfirmActionButton } from "@/components/onboarding/confirm-action-button";
import { StepRunsList } from "@/components/onboarding/step-runs-list";
import { AnchorLink } from "@/components/ui/anchor-link";
import { FigureGrid } from "@/components/ui/figure-grid";
import { StepJobProgress } from "@/components/jobs/step-job-progress";
import { SkippedAssignments } from "@/components/step6/skipped-assignments";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { listStepRuns } from "@/lib/domain/onboarding/step-run-queries";
import { step6Counts } from "@/lib/domain/step5/control-queries";
import { startStep6Action } from "@/lib/domain/step6/step6-actions";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("step6"))("title") };
}

/** Step 6: the dry run of the links, the run, and the completed onboarding. */
async function Step6PageContent({ params }: { params: Promise<{ entityId: string }> }) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const database = await db();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "onboarding.read") });
  if (!entity) notFound();
  const t = await getTranslations("step6");
  const format = await getFormatter();
  const counts = await step6Counts(database, entity.id);
  const runs = await listStepRuns(database, entity.id, 6);
  const running = runs.some((r) => r.state === "running");
  const canRun = hasEntityPermission(principal, "onboarding.runAutomatedStep", entity.id) && entity.currentStep === 6 && !running;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
        <Title order={1}>{t("title")}</Title>
      </Stack>
      <Text maw={820}>{t("intro")}</Text>
      {entity.currentStep < 6 && <Alert color="gray">{t("notYet")}</Alert>}
      {entity.currentStep === 7 && (
        <Alert color="green" role="status" title={t("completeTitle")}>
          {t("complete")}
        </Alert>
      )}
      <section aria-labelledby="dry-run-title">
        <Title order={2} size="h3" id="dry-run-title" mb="xs">
          {t("dryRunTitle")}
        </Title>
        {entity.currentStep <= 6 && (
          <Alert color="blue" mb="sm">
            {t("summary", { link: counts.link, vacant: counts.vacant })}
          </Alert>
        )}
        {entity.currentStep <= 6 && <SkippedAssignments counts={counts} />}
        <FigureGrid
          figures={[
            { label: t("figureLink"), value: format.number(counts.link), accent: "blue" },
            { label: t("figureAlreadyLinked"), value: format.number(counts.alreadyLinked) },
            ...(counts.linkedElsewhere > 0 ? [{ label: t("figureLinkedElsewhere"), value: format.number(counts.linkedElsewhere) }] : []),
            ...(counts.positionGone > 0 ? [{ label: t("figurePositionGone"), value: format.number(counts.positionGone) }] : []),
            { label: t("figureVacant"), value: format.number(counts.vacant) },
          ]}
        />
      </section>
      {canRun && (
        <ConfirmActionButton
          action={startStep6Action}
          entityId={entity.id}
          label={t("run")}
          confirm={t("runConfirm", { link: counts.link })}
          done={t("started")}
          cancel={t("cancel")}
        />
      )}
      {runs[0]?.job_run_id && (runs[0].state === "running" || runs[0].state === "failed") && <StepJobProgress jobRunId={runs[0].job_run_id} />}

      <StepRunsList
        runs={runs}
        namespace="step6"
        summary={(run) => {
          const skipped = (run.counts.linkedElsewhere ?? 0) + (run.counts.positionGone ?? 0);
          const linked = t("runLinked", { linked: run.counts.linked ?? 0 });
          return skipped > 0 ? `${linked} ${t("runSkipped", { count: skipped })}` : linked;
        }}
      />
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function Step6Page(props: Parameters<typeof Step6PageContent>[0]) {
  return (
    <ClientMessages namespaces={["jobs"]}>
      <Step6PageContent {...props} />
    </ClientMessages>
  );
}
