import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { asc } from "drizzle-orm";
import { getTranslations } from "next-intl/server";
import { functionFamilies } from "@/db/schema";
import { ImportRunHistory } from "@/components/imports/import-run-details";
import { UploadForm } from "@/components/imports/upload-form";
import { AnchorLink } from "@/components/ui/anchor-link";
import { listImportRuns } from "@/lib/domain/imports/import-queries";
import { referenceImportTarget } from "@/lib/domain/reference/reference-import";
import { dataFields, REFERENCE_KIND_KEYS, REFERENCE_KINDS, type ReferenceKindKey } from "@/lib/domain/reference/reference-kinds";
import { loadReference } from "@/lib/domain/reference/reference-store";
import { db } from "@/lib/server/database";
import { ReferenceList } from "./reference-list";

/** The link to a kind's page: shared kinds under /reference, entity kinds under their entity. */
export function referenceHref(kind: ReferenceKindKey, entityId: string | null): string {
  return entityId ? `/entities/${entityId}/reference/${kind}` : `/reference/${kind}`;
}

/**
 * One kind of reference data: its list (editable for central experts), its export, and its
 * import with the preview of the latest upload. Access is checked by the page that renders it.
 */
export async function ReferenceKindPage({
  kindKey,
  entity,
  canWrite,
}: {
  kindKey: ReferenceKindKey;
  entity: { id: string; name: string } | null;
  canWrite: boolean;
}) {
  const t = await getTranslations("reference");
  const database = await db();
  const kind = REFERENCE_KINDS[kindKey];
  const entityId = entity?.id ?? null;
  const records = await loadReference(database, kindKey, entityId);
  const options: Record<string, { value: string; label: string }[]> = {};
  if (kindKey === "function-profiles") {
    const families = await database.select().from(functionFamilies).orderBy(asc(functionFamilies.code));
    options.family = families.map((f) => ({ value: f.code, label: `${f.code} – ${f.name}` }));
  }
  if (kindKey === "org-units") options.parent = records.map((r) => ({ value: r.code, label: `${r.code} – ${r.values.name}` }));
  const runs = canWrite ? await listImportRuns(database, referenceImportTarget(kindKey, entityId).kind, entityId) : [];
  const query = entityId ? `?entityId=${entityId}` : "";
  const siblings = REFERENCE_KIND_KEYS.filter((k) => REFERENCE_KINDS[k].scope === kind.scope);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        {entity ? <AnchorLink href={`/entities/${entity.id}`}>{entity.name}</AnchorLink> : <AnchorLink href="/reference">{t("title")}</AnchorLink>}
        <Title order={1}>{t(`kind_${kindKey}` as "kind_grades")}</Title>
      </Stack>
      <nav aria-label={t("title")}>
        <Group gap="md">
          {siblings.map((k) =>
            k === kindKey ? (
              <Text key={k} fw={700} aria-current="page">
                {t(`kind_${k}` as "kind_grades")}
              </Text>
            ) : (
              <AnchorLink key={k} href={referenceHref(k, entityId)}>
                {t(`kind_${k}` as "kind_grades")}
              </AnchorLink>
            ),
          )}
          <Anchor href={`/api/reference/${kindKey}/export${query}`} ml="auto">
            {t("export")}
          </Anchor>
        </Group>
      </nav>
      <ReferenceList
        kind={kindKey}
        entityId={entityId}
        fields={dataFields(kind).map((f) => ({ key: f.key, type: f.type, required: f.required, example: f.example }))}
        rows={records.map((r) => ({ id: r.id, code: r.code, active: r.active, values: r.values, updatedAt: r.updatedAt.toISOString() }))}
        canWrite={canWrite}
        options={options}
      />
      {canWrite && (
        <section aria-labelledby="upload-title">
          <Title order={2} size="h3" id="upload-title" mb="xs">
            {t("importTitle")}
          </Title>
          <Text mb="sm">{t("importIntro")}</Text>
          <UploadForm uploadUrl={`/api/reference/${kindKey}/imports${query}`} label={t("uploadLabel")} labelledBy="upload-title" />
        </section>
      )}
      {canWrite && <ImportRunHistory runs={runs} upload="reference" confirmTarget={{ type: "reference", kind: kindKey, entityId }} />}
    </Stack>
  );
}
