"use client";

import { Anchor, Badge, Progress, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { DataTable, type ColumnDef } from "@/components/data-table/data-table";
import { useFormatter, useTranslations } from "next-intl";
import type { JobRunView } from "@/lib/domain/jobs/queries";

const STATE_COLORS: Record<JobRunView["state"], string> = {
  queued: "gray",
  running: "blue",
  succeeded: "green",
  failed: "red",
  cancelled: "dark",
};

async function fetchJobs(): Promise<JobRunView[]> {
  const response = await fetch("/api/jobs", { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { jobs: JobRunView[] }).jobs;
}

/** Live job list: polls every second while something is queued or running, else every ten. */
export function JobList({ initialJobs, caption }: { initialJobs: JobRunView[]; caption: string }) {
  const t = useTranslations("jobs");
  const format = useFormatter();
  const { data: jobs = initialJobs } = useQuery({
    queryKey: ["jobs"],
    queryFn: fetchJobs,
    initialData: initialJobs,
    refetchInterval: (query) =>
      (query.state.data ?? []).some((j) => j.state === "queued" || j.state === "running") ? 1_000 : 10_000,
  });

  const columns: ColumnDef<JobRunView, any>[] = [
    {
      id: "type",
      accessorKey: "type",
      header: t("type"),
      cell: ({ row }) => {
        // Message keys cannot hold dots (next-intl reads them as nesting).
        const key = `type_${row.original.type.replaceAll(".", "_")}`;
        return t.has(key) ? t(key) : row.original.type;
      },
    },
    { id: "entity", accessorFn: (j) => j.entityName ?? "—", header: t("entity") },
    {
      id: "state",
      accessorKey: "state",
      header: t("state"),
      cell: ({ row }) => (
        <Badge color={STATE_COLORS[row.original.state]} variant="light">
          {t(`state_${row.original.state}`)}
        </Badge>
      ),
    },
    {
      id: "progress",
      header: t("progress"),
      enableSorting: false,
      cell: ({ row }) => {
        const j = row.original;
        const percent = j.progressTotal ? Math.round((100 * j.progressDone) / j.progressTotal) : j.state === "succeeded" ? 100 : 0;
        return (
          <div style={{ minWidth: 160 }}>
            <Progress value={percent} aria-label={`${t("progress")}: ${percent}%`} animated={j.state === "running"} />
            <Text size="xs" c="dimmed">
              {j.progressTotal ? `${format.number(j.progressDone)} / ${format.number(j.progressTotal)}` : `${percent}%`}
            </Text>
          </div>
        );
      },
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      header: t("created"),
      cell: ({ row }) => format.dateTime(new Date(row.original.createdAt), { dateStyle: "short", timeStyle: "medium" }),
    },
    {
      id: "result",
      header: t("result"),
      enableSorting: false,
      cell: ({ row }) =>
        row.original.error ? (
          <Text size="sm" c="red">
            {row.original.error}
          </Text>
        ) : row.original.fileId ? (
          <Anchor href={`/api/files/${row.original.fileId}`}>{t("download")}</Anchor>
        ) : (
          "—"
        ),
    },
  ];

  return (
    <DataTable
      label={caption}
      data={jobs}
      columns={columns}
      getRowId={(j) => j.id}
      initialSorting={[{ id: "createdAt", desc: true }]}
      emptyText={t("empty")}
    />
  );
}
