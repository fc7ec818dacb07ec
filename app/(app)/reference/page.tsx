import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { referenceHref } from "@/components/reference/reference-kind-page";
import { AnchorLink } from "@/components/ui/anchor-link";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasPermission } from "@/lib/auth/permissions";
import { listEntityNames } from "@/lib/domain/entities/queries";
import { REFERENCE_KIND_KEYS, REFERENCE_KINDS } from "@/lib/domain/reference/reference-kinds";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reference"))("title") };
}

async function ReferenceIndexPageContent() {
  const principal = await requireUserForPage();
  if (!hasPermission(principal, "reference.read")) notFound();
  const t = await getTranslations("reference");
  const entities = await listEntityNames(await db(), entityScope(principal, "reference.read"));
  const shared = REFERENCE_KIND_KEYS.filter((k) => REFERENCE_KINDS[k].scope === "global");
  const perEntity = REFERENCE_KIND_KEYS.filter((k) => REFERENCE_KINDS[k].scope === "entity");
  return (
    <Stack gap="lg">
      <Title order={1}>{t("title")}</Title>
      <Text maw={760}>{t("intro")}</Text>
      <section aria-labelledby="shared-title">
        <Title order={2} size="h3" id="shared-title" mb="sm">
          {t("shared")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="ul" style={{ listStyle: "none", padding: 0 }}>
          {shared.map((k) => (
            <Paper component="li" withBorder p="md" key={k}>
              <AnchorLink href={referenceHref(k, null)}>{t(`kind_${k}` as "kind_grades")}</AnchorLink>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      <section aria-labelledby="entity-title">
        <Title order={2} size="h3" id="entity-title" mb="sm">
          {t("perEntity")}
        </Title>
        <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0 }}>
          {entities.map((entity) => (
            <li key={entity.id}>
              <Text span fw={500}>
                {entity.name}
              </Text>
              {": "}
              {perEntity.map((k, i) => (
                <span key={k}>
                  {i > 0 && " · "}
                  <AnchorLink href={referenceHref(k, entity.id)}>{t(`kind_${k}` as "kind_grades")}</AnchorLink>
                </span>
              ))}
            </li>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function ReferenceIndexPage() {
  return (
    <ClientMessages namespaces={["imports", "reference", "table"]}>
      <ReferenceIndexPageContent />
    </ClientMessages>
  );
}
