import { Alert, Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { getFormatter, getTranslations } from "next-intl/server";
import { FigureGrid } from "@/components/ui/figure-grid";
import type { ImportRunView } from "@/lib/domain/imports/import-queries";
import { importChangesNothing } from "@/lib/domain/imports/import-summary";
import { noUploadYetLabel, summaryFigures, type UploadKind } from "@/lib/domain/imports/upload-wording";
import { ConfirmImportButton, type ImportConfirmTarget } from "./confirm-import-button";
import { ProblemsTable } from "./problems-table";

const SHOWN_PROBLEMS = 200;
const SHOWN_CHANGES = 100;
const STATE_COLORS = { previewed: "blue", rejected: "red", committed: "green", unchanged: "gray", superseded: "gray" } as const;

/** One upload in a list: its state, who and when, and its files. */
export async function ImportRunHeading({ run }: { run: ImportRunView }) {
  const t = await getTranslations("imports");
  const format = await getFormatter();
  return (
    <Group gap="sm">
      <Badge color={STATE_COLORS[run.state]} variant="light">
        {t(`state_${run.state}`)}
      </Badge>
      <Text size="sm">
        {t("uploadedBy", { name: run.createdByName ?? "—", date: format.dateTime(new Date(run.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}
      </Text>
      <Anchor size="sm" href={`/api/files/${run.fileId}`}>
        {t("downloadOriginal")}
      </Anchor>
      {run.markedFileId && (
        <Anchor size="sm" href={`/api/files/${run.markedFileId}`}>
          {t("downloadMarked")}
        </Anchor>
      )}
    </Group>
  );
}

/**
 * The preview or result of an upload: its figures, every problem by row and column, the changed
 * records, and (for a clean preview, to whoever may import) the button that confirms it.
 */
export async function ImportRunDetails({ run, upload, confirmTarget }: { run: ImportRunView; upload: UploadKind; confirmTarget: ImportConfirmTarget | null }) {
  const t = await getTranslations("imports");
  const format = await getFormatter();
  const summary = run.summary;
  const reference = upload === "reference";
  const template = upload === "template";
  const control = upload === "control";
  const figures = summary ? summaryFigures(upload).map(({ figure, label }) => ({ figure, label: t(label), value: summary[figure] })) : [];
  const nothingChanges = summary !== null && importChangesNothing(summary, reference ? "leftAlone" : "flagged");
  return (
    <Stack gap="md">
      <ImportRunHeading run={run} />
      {run.rejection && (
        <Alert color="red" role="alert">
          {run.rejection}
        </Alert>
      )}
      {figures.length > 0 && (
        <FigureGrid
          cols={{ base: 2, sm: 4, xl: 7 }}
          figures={figures.map(({ figure, label, value }) => ({ label, value: format.number(value), alert: figure === "errors" && value > 0 }))}
        />
      )}
      {summary && summary.errors > 0 && (
        <Text size="sm" c="dimmed">
          {t("countsNote")}
        </Text>
      )}
      {run.state === "previewed" && nothingChanges && !template && !control && (
        <Alert color="gray" role="status">
          {reference ? t("noChangesYetReference") : t("noChangesYet")}
        </Alert>
      )}
      {run.state === "previewed" && confirmTarget && <ConfirmImportButton target={confirmTarget} importRunId={run.id} />}
      {run.problems.length > 0 && (
        <section aria-labelledby={`problems-${run.id}`}>
          <Title order={3} size="h4" id={`problems-${run.id}`} mb="xs">
            {t("problemsTitle")}
          </Title>
          {run.problems.length > SHOWN_PROBLEMS && (
            <Text size="sm" mb="xs">
              {t("problemsMore", { shown: SHOWN_PROBLEMS, total: run.problems.length })}
            </Text>
          )}
          <ProblemsTable problems={run.problems.slice(0, SHOWN_PROBLEMS)} label={t("problemsTitle")} />
        </section>
      )}
      {run.changes.length > 0 && (
        <section aria-labelledby={`changes-${run.id}`}>
          <Title order={3} size="h4" id={`changes-${run.id}`} mb="xs">
            {reference ? t("changesTitleReference") : t("changesTitle")}
          </Title>
          {run.changes.length > SHOWN_CHANGES && <Text size="sm">{t("changesMore", { shown: SHOWN_CHANGES, total: run.changes.length })}</Text>}
          <Stack gap={2} component="ul">
            {run.changes.slice(0, SHOWN_CHANGES).map((change) => (
              <Text component="li" size="sm" key={change.key}>
                {change.name} ({change.key}): {change.fields.join(", ")}
              </Text>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

/** The latest upload in full, and the earlier ones as a list. */
export async function ImportRunHistory({
  runs,
  upload,
  confirmTarget,
}: {
  runs: ImportRunView[];
  /** What kind of file these are: names the figures even when nothing can be confirmed any more. */
  upload: UploadKind;
  confirmTarget: ImportConfirmTarget | null;
}) {
  const t = await getTranslations("imports");
  const [latest, ...earlier] = runs;
  return (
    <>
      <section aria-labelledby="latest-title">
        <Title order={2} size="h3" id="latest-title" mb="sm">
          {t("latest")}
        </Title>
        {latest ? <ImportRunDetails run={latest} upload={upload} confirmTarget={confirmTarget} /> : <Text>{t(noUploadYetLabel(upload))}</Text>}
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby="history-title">
          <Title order={2} size="h3" id="history-title" mb="sm">
            {t("history")}
          </Title>
          <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0 }}>
            {earlier.map((run) => (
              <li key={run.id}>
                <ImportRunHeading run={run} />
              </li>
            ))}
          </Stack>
        </section>
      )}
    </>
  );
}
