import { Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AllPlaygrounds, MyPlaygrounds, NewPlaygroundForm } from "@/components/playground/playground-tables";
import { requireUserForPage } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { loadPrincipal } from "@/lib/auth/principal-queries";
import { listPlaygrounds, MAX_PLAYGROUNDS_PER_USER, playgroundSources } from "@/lib/playground/playground-service";
import { activePlayground } from "@/lib/server/database";
import { realDatabase } from "@/lib/server/real-database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("playground"))("title") };
}

/** The user's playgrounds, a new one, and for central experts every playground. */
async function PlaygroundPageContent() {
  const page = await requireUserForPage();
  // The registry and the choice of sources follow the user's real grants, also from inside a playground.
  const real = await realDatabase();
  const principal = await loadPrincipal(real.db, page.userId);
  if (!principal || !hasPermission(principal, "playground.use")) notFound();
  const t = await getTranslations("playground");
  const [mine, sources, active] = await Promise.all([listPlaygrounds(real.db, { ownerId: principal.userId }), playgroundSources(real.db, principal), activePlayground()]);
  const all = hasPermission(principal, "playground.manage") ? await listPlaygrounds(real.db) : null;
  return (
    <Stack gap="lg">
      <Title order={1}>{t("title")}</Title>
      <Text maw={820}>{t("intro")}</Text>
      <section aria-labelledby="mine-title">
        <Title order={2} size="h3" id="mine-title" mb="sm">{t("mineTitle")}</Title>
        <MyPlaygrounds items={mine} activeId={active?.id ?? null} caption={t("mineTitle")} />
      </section>
      {mine.length < MAX_PLAYGROUNDS_PER_USER && (
        <section aria-labelledby="new-playground-title">
          <Title order={2} size="h3" id="new-playground-title" mb="sm">{t("newTitle")}</Title>
          <NewPlaygroundForm sources={sources.filter((s) => !mine.some((m) => m.source === s.source))} />
        </section>
      )}
      {all && (
        <section aria-labelledby="all-title">
          <Title order={2} size="h3" id="all-title" mb="sm">{t("allTitle")}</Title>
          <Text mb="sm" maw={820}>{t("allIntro")}</Text>
          <AllPlaygrounds items={all} caption={t("allTitle")} />
        </section>
      )}
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function PlaygroundPage() {
  return (
    <ClientMessages namespaces={["playground"]}>
      <PlaygroundPageContent />
    </ClientMessages>
  );
}
