"use client";

import { Anchor, Group, NativeSelect, Stack, Text, TextInput, VisuallyHidden } from "@mantine/core";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable, type ColumnDef } from "@/components/data-table/data-table";
import { StepStateBadge } from "@/components/entities/step-state-badge";
import type { ProgressBoardRow } from "@/lib/domain/onboarding/progress-board";
import { SCHEDULE_STATUSES, type ScheduleStatus } from "@/lib/domain/planning/schedule-rules";
import { compareDutch } from "@/lib/i18n/dutch-order";

const SCHEDULE_COLOURS: Record<ScheduleStatus, string> = { completed: "green", on_schedule: "blue", no_slot: "gray", behind: "orange", overdue: "red" };

const STEPS = [1, 2, 3, 4, 5, 6, 7] as const;
const COMPLETE = 7;

/** Empty values sort last in either direction. */
function nullsLast<T extends string | number>(value: (row: ProgressBoardRow) => T | null) {
  return (a: { original: ProgressBoardRow }, b: { original: ProgressBoardRow }) => {
    const x = value(a.original);
    const y = value(b.original);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

/** The progress board: every entity in scope with its step, lines, open errors and deadline; filtered by step and name. */
export function ProgressBoardTable({ rows, label, showDeadline }: { rows: ProgressBoardRow[]; label: string; showDeadline: boolean }) {
  const t = useTranslations("progress");
  const tAll = useTranslations();
  const format = useFormatter();
  const [query, setQuery] = useState("");
  const [step, setStep] = useState("");
  const [schedule, setSchedule] = useState("");

  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    return rows.filter((r) => (!step || r.currentStep === Number(step)) && (!schedule || r.scheduleStatus === schedule) && (!q || r.name.toLowerCase().includes(q) || r.code.toLowerCase().includes(q)));
  }, [rows, query, step, schedule]);

  const stepText = (n: number) => (n >= COMPLETE ? tAll("schedule.completed") : `${tAll("steps.label", { step: n })}: ${tAll(`steps.${n}`)}`);
  const count = (n: number) => format.number(n);
  const right = { align: "right" as const };
  const lines = (colour: "blueLines" | "greenLines") =>
    ({ row }: { row: { original: ProgressBoardRow } }) =>
      row.original.step1RunDate === null ? (
        <>
          <span aria-hidden="true">—</span>
          <VisuallyHidden>{t("step1NotRun")}</VisuallyHidden>
        </>
      ) : (
        count(row.original[colour])
      );
  const slot = (month: string | null) =>
    month && /^\d{4}-\d{2}-\d{2}$/.test(month) ? format.dateTime(new Date(`${month}T12:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" }) : (month ?? t("noSlot"));

  const columns: ColumnDef<ProgressBoardRow, any>[] = [
    {
      id: "name",
      accessorKey: "name",
      header: t("columns.name"),
      sortingFn: (a, b) => compareDutch(a.original.name, b.original.name),
      cell: ({ row }) => (
        <Anchor component={Link} href={`/entities/${row.original.id}`}>
          {row.original.name} <span style={{ color: "var(--mantine-color-dimmed)" }}>({row.original.code})</span>
        </Anchor>
      ),
    },
    { id: "policyArea", accessorKey: "policyAreaCode", header: t("columns.policyArea") },
    {
      id: "step",
      accessorKey: "currentStep",
      header: t("columns.step"),
      // The step and its state in one cell, so the board fits a 1440-px screen; a complete onboarding needs no state.
      cell: ({ row }) => (
        <>
          {stepText(row.original.currentStep)}
          {row.original.currentStep < COMPLETE && (
            <div>
              <StepStateBadge state={row.original.currentState} />
            </div>
          )}
        </>
      ),
    },
    { id: "blue", accessorKey: "blueLines", header: t("columns.blue"), meta: right, cell: lines("blueLines") },
    { id: "green", accessorKey: "greenLines", header: t("columns.green"), meta: right, cell: lines("greenLines") },
    {
      id: "openErrors",
      accessorKey: "openErrors",
      header: t("columns.openErrors"),
      meta: right,
      cell: ({ row }) =>
        row.original.openErrors > 0 ? (
          <Text span c="red" fw={700} fz="sm">
            {count(row.original.openErrors)}
          </Text>
        ) : (
          count(0)
        ),
    },
    {
      id: "plannedSlot",
      accessorKey: "plannedSlotMonth",
      header: t("columns.plannedSlot"),
      sortingFn: nullsLast((r) => r.plannedSlotMonth),
      cell: ({ row }) => slot(row.original.plannedSlotMonth),
    },
    {
      id: "schedule",
      accessorKey: "scheduleStatus",
      header: t("columns.schedule"),
      sortingFn: (a, b) => SCHEDULE_STATUSES.indexOf(a.original.scheduleStatus) - SCHEDULE_STATUSES.indexOf(b.original.scheduleStatus),
      cell: ({ row }) => (
        <Text span fz="sm" fw={600} c={`${SCHEDULE_COLOURS[row.original.scheduleStatus]}.8`}>
          {tAll(`schedule.${row.original.scheduleStatus}`)}
        </Text>
      ),
    },
  ];
  if (showDeadline) {
    columns.push({
      id: "daysToDeadline",
      accessorKey: "daysToDeadline",
      header: t("columns.daysToDeadline"),
      meta: right,
      sortingFn: nullsLast((r) => r.daysToDeadline),
      cell: ({ row }) => {
        const days = row.original.daysToDeadline;
        if (days === null) return "—";
        // Past the deadline matters only for an onboarding that is not complete yet.
        const late = days < 0 && row.original.currentStep < COMPLETE;
        return (
          <Text span fz="sm" c={late ? "red" : undefined} fw={late ? 700 : undefined}>
            {count(days)}
          </Text>
        );
      },
    });
  }

  return (
    <Stack gap="sm">
      <Group align="end" gap="md">
        <TextInput label={t("search")} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} type="search" />
        <NativeSelect
          label={t("stepFilter")}
          value={step}
          onChange={(e) => setStep(e.currentTarget.value)}
          data={[{ value: "", label: t("allSteps") }, ...STEPS.map((n) => ({ value: String(n), label: stepText(n) }))]}
          w={360}
        />
        <NativeSelect
          label={t("scheduleFilter")}
          value={schedule}
          onChange={(e) => setSchedule(e.currentTarget.value)}
          data={[{ value: "", label: t("allSchedules") }, ...SCHEDULE_STATUSES.map((s) => ({ value: s, label: tAll(`schedule.${s}`) }))]}
          w={220}
        />
      </Group>
      <Text size="sm" c="dimmed" role="status">
        {t("shown", { shown: filtered.length, total: rows.length })}
      </Text>
      <DataTable label={label} data={filtered} columns={columns} getRowId={(r) => r.id} initialSorting={[{ id: "name", desc: false }]} emptyText={t("empty")} />
    </Stack>
  );
}
