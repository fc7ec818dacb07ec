import { Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ImportRunHistory } from "@/components/imports/import-run-details";
import { UploadForm } from "@/components/imports/upload-form";
import { AnchorLink } from "@/components/ui/anchor-link";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasEntityPermission } from "@/lib/auth/permissions";
import { findEntityInScope } from "@/lib/domain/entities/queries";
import { listPersonnelImports } from "@/lib/domain/personnel/import-queries";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personnel"))("title") };
}

async function PersonnelPageContent({ params }: { params: Promise<{ entityId: string }> }) {
  const principal = await requireUserForPage();
  const { entityId } = await params;
  const database = await db();
  const entity = await findEntityInScope(database, { entityId, scope: entityScope(principal, "personnel.read") });
  if (!entity) notFound();
  const t = await getTranslations("personnel");
  const canImport = hasEntityPermission(principal, "personnel.import", entity.id);
  const runs = await listPersonnelImports(database, entity.id);

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
          <UploadForm uploadUrl={`/api/entities/${entity.id}/personnel-imports`} label={t("uploadLabel")} labelledBy="upload-title" />
        </section>
      )}
      <ImportRunHistory runs={runs} upload="personnel" confirmTarget={canImport ? { type: "personnel", entityId: entity.id } : null} />
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function PersonnelPage(props: Parameters<typeof PersonnelPageContent>[0]) {
  return (
    <ClientMessages namespaces={["imports", "table"]}>
      <PersonnelPageContent {...props} />
    </ClientMessages>
  );
}
