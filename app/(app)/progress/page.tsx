import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressBoardTable } from "@/components/onboarding/progress-board-table";
import { FigureGrid } from "@/components/ui/figure-grid";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasPermission } from "@/lib/auth/permissions";
import { readDeadline } from "@/lib/domain/planning/planning-store";
import { progressBoard } from "@/lib/domain/onboarding/progress-board";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("title") };
}

/** "Voortgang van de aansluitingen": every entity the user may follow, at which step it stands, and what still blocks it. */
async function ProgressPageContent() {
  const principal = await requireUserForPage();
  if (!hasPermission(principal, "onboarding.read")) notFound();
  const t = await getTranslations("progress");
  const format = await getFormatter();
  const today = todayInBrussels();
  const database = await db();
  const deadline = await readDeadline(database);
  const rows = await progressBoard(database, { scope: entityScope(principal, "onboarding.read"), today, deadline });

  const completed = rows.filter((r) => r.currentStep === 7).length;
  const withErrors = rows.filter((r) => r.openErrors > 0).length;
  const notOnSchedule = rows.filter((r) => r.scheduleStatus === "behind" || r.scheduleStatus === "overdue" || r.scheduleStatus === "no_slot").length;
  const days = rows[0]?.daysToDeadline ?? null;
  const deadlineLabel = deadline ? format.dateTime(new Date(`${deadline}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) : null;
  const figures = [
    { label: t("figureEntities"), value: format.number(rows.length) },
    { label: t("figureCompleted"), value: format.number(completed) },
    { label: t("figureWithErrors"), value: format.number(withErrors), alert: withErrors > 0 },
    { label: t("figureBehind"), value: format.number(notOnSchedule), alert: notOnSchedule > 0 },
    {
      label: t("figureDeadline"),
      value: deadlineLabel ?? t("noDeadline"),
      alert: days !== null && days < 0 && completed < rows.length,
    },
  ];

  return (
    <Stack gap="lg">
      <Title order={1}>{t("title")}</Title>
      <Text maw={820}>{t("intro")}</Text>
      <FigureGrid figures={figures} label={t("figuresLabel")} />
      {deadlineLabel && days !== null && <Text>{days >= 0 ? t("deadlineAhead", { date: deadlineLabel, days }) : t("deadlinePassed", { date: deadlineLabel, days: -days })}</Text>}
      <Group>
        <Anchor href="/api/progress">{t("download")}</Anchor>
      </Group>
      <ProgressBoardTable rows={rows} label={t("tableLabel")} showDeadline={deadline !== null} />
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function ProgressPage() {
  return (
    <ClientMessages namespaces={["progress", "schedule", "stepState", "steps", "table"]}>
      <ProgressPageContent />
    </ClientMessages>
  );
}
