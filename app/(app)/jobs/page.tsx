import { Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { JobList } from "@/components/jobs/job-list";
import { requireUserForPage } from "@/lib/auth/guards";
import { hasPermission } from "@/lib/auth/permissions";
import { listJobRuns } from "@/lib/domain/jobs/queries";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("title") };
}

async function JobsPageContent() {
  const principal = await requireUserForPage();
  if (!hasPermission(principal, "jobs.read")) notFound();
  const t = await getTranslations("jobs");
  const jobs = await listJobRuns(await db(), principal);
  return (
    <Stack>
      <Title order={1}>{t("title")}</Title>
      <Text>{t("intro")}</Text>
      <JobList initialJobs={jobs} caption={t("title")} />
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function JobsPage() {
  return (
    <ClientMessages namespaces={["jobs", "table"]}>
      <JobsPageContent />
    </ClientMessages>
  );
}
