import {
  Alert,
  Button,
  Group,
  Stack,
  Table,
  TableScrollContainer,
  TableTbody,
  TableTd,
  TableTh,
  TableThead,
  TableTr,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StartStep1Button } from "@/components/step1/start-step1-button";
import { StepRunsList } from "@/components/onboarding/step-runs-list";
import { AnchorLink } from "@/components/ui/anchor-link";
import { StepJobProgress } from "@/components/jobs/step-job-progress";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { listStep1Runs, step1Counts, step1Lines } from "@/lib/domain/step1/step1-queries";
import { leftForStep3, STEP1_REASONS, type Step1Reason } from "@/lib/domain/step1/step1-rules";
import { transition } from "@/lib/domain/onboarding/workflow";
import { readWorkflow } from "@/lib/domain/onboarding/workflow-store";
import { todayInBrussels, validIsoDate } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

const PAGE_SIZE = 50;
type Outcome = Step1Reason | "create";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("step1"))("title") };
}

type Props = {
  params: Promise<{ entityId: string }>;
  searchParams: Promise<{ runDate?: string; show?: string; page?: string }>;
};

/** Step 1: the dry run (what will happen, and the list behind every number), the run, and earlier runs. */
async function Step1PageContent({ params, searchParams }: Props) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const query = await searchParams;
  const database = await db();
  const today = todayInBrussels();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "onboarding.read") });
  if (!entity) notFound();
  const t = await getTranslations("step1");
  const format = await getFormatter();
  const runDate = validIsoDate(query.runDate) ?? today;
  const show: Outcome | null = query.show === "create" || (STEP1_REASONS as readonly string[]).includes(query.show ?? "") ? (query.show as Outcome) : null;
  const page = Math.max(0, Number.parseInt(query.page ?? "0", 10) || 0);
  const canRun = hasEntityPermission(principal, "onboarding.runAutomatedStep", entity.id);
  // The counts are for everyone who follows the onboarding; the people behind them only for those who may see personnel data.
  const canSeePeople = hasEntityPermission(principal, "personnel.read", entity.id);

  const counts = await step1Counts(database, entity.id, runDate);
  const left = leftForStep3(counts);
  const lines = show && canSeePeople ? await step1Lines(database, entity.id, runDate, show, { limit: PAGE_SIZE, offset: page * PAGE_SIZE }) : [];
  const runs = await listStep1Runs(database, entity.id);
  const lastRun = runs.find((run) => run.state === "done");
  // The button is offered only when the workflow lets step 1 start now; the action checks the same.
  const workflow = await readWorkflow(database, entity.id);
  const mayStart = transition(workflow, { type: "start", step: 1 }, "central").ok;
  const dateLabel = format.dateTime(new Date(`${runDate}T12:00:00Z`), { dateStyle: "long" });
  const label = (outcome: Outcome) => (outcome === "create" ? t("outcome_create") : t(`reason_${outcome}`));
  const href = (changes: Record<string, string | number | null>) => {
    const next = new URLSearchParams({ runDate, ...(show ? { show } : {}) });
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, String(value));
    }
    return `/entities/${entity.id}/steps/1?${next.toString()}`;
  };
  const shownCount = show ? counts[show] : 0;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
        <Title order={1}>{t("title")}</Title>
      </Stack>
      <Text maw={760}>{t("intro")}</Text>

      {lastRun && (
        <Alert color="green" title={t("ranTitle")} role="status">
          {t("ranSummary", {
            date: format.dateTime(new Date(`${lastRun.run_date ?? today}T12:00:00Z`), { dateStyle: "long" }),
            created: lastRun.counts.created ?? 0,
            left: leftForStep3(lastRun.counts),
          })}
        </Alert>
      )}

      <form method="get" aria-label={t("dryRun")}>
        <Group align="flex-end">
          <TextInput type="date" name="runDate" label={t("runDate")} defaultValue={runDate} required />
          <Button type="submit" variant="default">
            {t("dryRun")}
          </Button>
        </Group>
      </form>

      <section aria-labelledby="dry-run-title">
        <Title order={2} size="h3" id="dry-run-title" mb="xs">
          {t("dryRunTitle", { date: dateLabel })}
        </Title>
        <Alert color="blue" mb="sm">
          {t(lastRun ? "summaryRerun" : "summary", { create: counts.create, left, linked: counts.already_linked })}
        </Alert>
        <Table withTableBorder maw={640} aria-labelledby="dry-run-title">
          <TableThead>
            <TableTr>
              <TableTh scope="col">{t("outcome")}</TableTh>
              <TableTh scope="col" ta="right">
                {t("count")}
              </TableTh>
            </TableTr>
          </TableThead>
          <TableTbody>
            {(["create", ...STEP1_REASONS] as Outcome[]).map((outcome) => (
              <TableTr key={outcome} aria-current={outcome === show ? "true" : undefined}>
                <TableTd>
                  {counts[outcome] > 0 && canSeePeople ? <AnchorLink href={href({ show: outcome, page: null })}>{label(outcome)}</AnchorLink> : label(outcome)}
                </TableTd>
                <TableTd ta="right">{format.number(counts[outcome])}</TableTd>
              </TableTr>
            ))}
          </TableTbody>
        </Table>
        <Text size="sm" c="dimmed" mt="xs">
          {t("rulesNote")}
        </Text>
      </section>

      {canRun &&
        (mayStart ? (
          <StartStep1Button entityId={entity.id} runDate={runDate} runDateLabel={dateLabel} create={counts.create} />
        ) : (
          <Text size="sm" c="dimmed">
            {workflow.state === "running" && workflow.step === 1 ? t("runningNow") : t("notStartable", { step: workflow.step })}
          </Text>
        ))}

      {show && canSeePeople && (
        <section aria-labelledby="lines-title">
          <Title order={2} size="h3" id="lines-title" mb="xs">
            {t("linesTitle", { outcome: label(show), count: format.number(shownCount) })}
          </Title>
          <TableScrollContainer minWidth={720}>
            <Table striped withTableBorder aria-labelledby="lines-title">
              <TableThead>
                <TableTr>
                  {(["vlimpers", "name", "relation", "functionCode", "grade", "unit", "fte", "startDate"] as const).map((key) => (
                    <TableTh scope="col" key={key}>
                      {t(key)}
                    </TableTh>
                  ))}
                </TableTr>
              </TableThead>
              <TableTbody>
                {lines.map((line) => (
                  <TableTr key={line.relationId}>
                    <TableTd>{line.vlimpers}</TableTd>
                    <TableTd>{line.name}</TableTd>
                    <TableTd>{line.relationNumber}</TableTd>
                    <TableTd>{line.functionCode ?? "—"}</TableTd>
                    <TableTd>{line.gradeCode ?? "—"}</TableTd>
                    <TableTd>{line.unitCode ?? "—"}</TableTd>
                    <TableTd>{format.number(line.fte)}</TableTd>
                    <TableTd>{format.dateTime(new Date(`${line.startDate}T12:00:00Z`), { dateStyle: "short" })}</TableTd>
                  </TableTr>
                ))}
              </TableTbody>
            </Table>
          </TableScrollContainer>
          <Group mt="xs" gap="md">
            <Text size="sm">
              {t("pageOf", { from: page * PAGE_SIZE + 1, to: page * PAGE_SIZE + lines.length, total: shownCount })}
            </Text>
            {page > 0 && <AnchorLink href={href({ page: page - 1 })}>{t("previous")}</AnchorLink>}
            {(page + 1) * PAGE_SIZE < shownCount && <AnchorLink href={href({ page: page + 1 })}>{t("next")}</AnchorLink>}
          </Group>
        </section>
      )}

      {runs[0]?.job_run_id && (runs[0].state === "running" || runs[0].state === "failed") && <StepJobProgress jobRunId={runs[0].job_run_id} />}

      <StepRunsList
        runs={runs}
        namespace="step1"
        summary={(run) =>
          `${t("runDate")} ${run.run_date ? format.dateTime(new Date(`${run.run_date}T12:00:00Z`), { dateStyle: "long" }) : "—"} · ${t("runCreated", { created: run.counts.created ?? 0 })}`
        }
      />
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function Step1Page(props: Parameters<typeof Step1PageContent>[0]) {
  return (
    <ClientMessages namespaces={["jobs", "step1"]}>
      <Step1PageContent {...props} />
    </ClientMessages>
  );
}
