import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConfirmImportButton } from "@/components/personnel/confirm-import-button";
import { PersonnelUploadForm } from "@/components/personnel/personnel-upload-form";
import { ProblemsTable } from "@/components/personnel/problems-table";
import { AnchorLink } from "@/components/ui/anchor-link";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { listPersonnelImports, type PersonnelImportView } from "@/lib/domain/personnel/import-queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";

const SHOWN_PROBLEMS = 200;
const SHOWN_CHANGES = 100;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personnel"))("title") };
}

export default async function PersonnelPage({ params }: { params: Promise<{ entityId: string }> }) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const database = await db();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "personnel.read"), asOf: todayInBrussels() });
  if (!entity) notFound();
  const t = await getTranslations("personnel");
  const canImport = hasEntityPermission(principal, "personnel.import", entity.id);
  const [latest, ...earlier] = await listPersonnelImports(database, entity.id);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink>
        <Title order={1}>{t("title")}</Title>
      </Stack>
      {canImport && (
        <section aria-labelledby="upload-title">
          <Title order={2} size="h3" id="upload-title" mb="xs">
            {t("uploadTitle")}
          </Title>
          <Text mb="sm">{t("intro")}</Text>
          <PersonnelUploadForm entityId={entity.id} />
        </section>
      )}
      <section aria-labelledby="latest-title">
        <Title order={2} size="h3" id="latest-title" mb="sm">
          {t("latest")}
        </Title>
        {latest ? <ImportDetails run={latest} entityId={entity.id} canImport={canImport} /> : <Text>{t("noImports")}</Text>}
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby="history-title">
          <Title order={2} size="h3" id="history-title" mb="sm">
            {t("history")}
          </Title>
          <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0 }}>
            {earlier.map((run) => (
              <li key={run.id}>
                <ImportHeading run={run} />
              </li>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

const STATE_COLORS = { previewed: "blue", rejected: "red", committed: "green", unchanged: "gray", superseded: "gray" } as const;

async function ImportHeading({ run }: { run: PersonnelImportView }) {
  const t = await getTranslations("personnel");
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

async function ImportDetails({ run, entityId, canImport }: { run: PersonnelImportView; entityId: string; canImport: boolean }) {
  const t = await getTranslations("personnel");
  const format = await getFormatter();
  const summary = run.summary;
  const figures = summary
    ? ([
        ["rows", summary.rows],
        ["added", summary.added],
        ["changed", summary.changed],
        ["unchanged", summary.unchanged],
        ["gone", summary.gone],
        ["errors", summary.errors],
        ["warnings", summary.warnings],
      ] as const)
    : [];
  return (
    <Stack gap="md">
      <ImportHeading run={run} />
      {run.rejection && (
        <Alert color="red" role="alert">
          {run.rejection}
        </Alert>
      )}
      {figures.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 4, xl: 7 }} component="dl">
          {figures.map(([key, value]) => (
            <Paper key={key} withBorder p="sm">
              <Text component="dt" size="sm" c="dimmed">
                {t(key)}
              </Text>
              <Text component="dd" m={0} fz="lg" fw={700} c={key === "errors" && value > 0 ? "red" : undefined}>
                {format.number(value)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {summary && summary.errors > 0 && <Text size="sm" c="dimmed">{t("countsNote")}</Text>}
      {run.state === "previewed" && summary && summary.added + summary.changed + summary.gone === 0 && (
        <Alert color="gray" role="status">
          {t("noChangesYet")}
        </Alert>
      )}
      {run.state === "previewed" && canImport && <ConfirmImportButton entityId={entityId} importRunId={run.id} />}
      {run.problems.length > 0 && (
        <section aria-labelledby="problems-title">
          <Title order={3} size="h4" id="problems-title" mb="xs">
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
        <section aria-labelledby="changes-title">
          <Title order={3} size="h4" id="changes-title" mb="xs">
            {t("changesTitle")}
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
