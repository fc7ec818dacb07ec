import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DeadlineForm, NewSlotForm, SlotsTable } from "@/components/planning/planning-forms";
import { AnchorLink } from "@/components/ui/anchor-link";
import { FigureGrid } from "@/components/ui/figure-grid";
import { requireUserForPage } from "@/lib/auth/guards";
import { entityScope, hasPermission } from "@/lib/auth/permissions";
import { listSlots, readDeadline } from "@/lib/domain/planning/planning-store";
import { slotsForScope } from "@/lib/domain/planning/planning-view";
import { todayInBrussels } from "@/lib/dates";
import { db } from "@/lib/server/database";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("planning"))("title") };
}

/** The planning: the deadline, the slots per month with their places, and (for central experts) their management. */
async function PlanningPageContent() {
  const principal = await requireUserForPage();
  if (!hasPermission(principal, "planning.read")) notFound();
  const t = await getTranslations("planning");
  const format = await getFormatter();
  const database = await db();
  const today = todayInBrussels();
  const [allSlots, deadline] = await Promise.all([listSlots(database), readDeadline(database)]);
  const slots = slotsForScope(allSlots, entityScope(principal, "planning.read"));
  const canManage = hasPermission(principal, "planning.manage");
  const places = allSlots.reduce((sum, s) => sum + s.capacity, 0);
  const taken = allSlots.reduce((sum, s) => sum + s.booked, 0);
  const figures = [
    { label: t("slotsTitle"), value: format.number(allSlots.length) },
    { label: t("capacity"), value: format.number(places) },
    { label: t("booked"), value: format.number(taken) },
    { label: t("left"), value: format.number(Math.max(places - taken, 0)) },
  ];
  return (
    <Stack gap="lg">
      <Title order={1}>{t("title")}</Title>
      <Text maw={820}>{t("intro")}</Text>
      <FigureGrid figures={figures} label={t("slotsTitle")} />
      {canManage ? (
        <DeadlineForm deadline={deadline} />
      ) : (
        <Text>{t("deadlineLine", { date: deadline ? format.dateTime(new Date(`${deadline}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) : t("noDeadline") })}</Text>
      )}
      <Group gap="lg">
        <Anchor href="/api/planning">{t("download")}</Anchor>
        {hasPermission(principal, "onboarding.read") && <AnchorLink href="/progress">{t("statusLink")}</AnchorLink>}
      </Group>
      <section aria-labelledby="slots-title">
        <Title order={2} size="h3" id="slots-title" mb="sm">{t("slotsTitle")}</Title>
        <SlotsTable slots={slots} today={today} canManage={canManage} caption={t("tableLabel")} />
      </section>
      {canManage && (
        <section aria-labelledby="new-slot-title">
          <Title order={2} size="h3" id="new-slot-title" mb="sm">{t("newSlotTitle")}</Title>
          <NewSlotForm />
        </section>
      )}
    </Stack>
  );
}

/** The page in the messages of the namespaces its client components use (lib/i18n/client-namespaces.ts). */
export default async function PlanningPage() {
  return (
    <ClientMessages namespaces={["planning"]}>
      <PlanningPageContent />
    </ClientMessages>
  );
}
