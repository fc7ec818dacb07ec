"use client";

import { Anchor, Badge, Progress, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { DataTable } from "mantine-datatable";
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

  return (
    <DataTable<JobRunView>
      aria-label={caption}
      withTableBorder
      striped
      minHeight={jobs.length === 0 ? 150 : undefined}
      noRecordsText={t("empty")}
      records={jobs}
      columns={[
        { accessor: "type", title: t("type"), render: (j) => {
            // Message keys cannot hold dots (next-intl reads them as nesting).
            const key = `type_${j.type.replaceAll(".", "_")}`;
            return t.has(key) ? t(key) : j.type;
          },
        },
        { accessor: "entityName", title: t("entity"), render: (j) => j.entityName ?? "—" },
        {
          accessor: "state",
          title: t("state"),
          render: (j) => (
            <Badge color={STATE_COLORS[j.state]} variant="light">
              {t(`state_${j.state}`)}
            </Badge>
          ),
        },
        {
          accessor: "progressDone",
          title: t("progress"),
          width: 200,
          render: (j) => {
            const percent = j.progressTotal ? Math.round((100 * j.progressDone) / j.progressTotal) : j.state === "succeeded" ? 100 : 0;
            return (
              <div>
                <Progress value={percent} aria-label={`${t("progress")}: ${percent}%`} animated={j.state === "running"} />
                <Text size="xs" c="dimmed">
                  {j.progressTotal ? `${format.number(j.progressDone)} / ${format.number(j.progressTotal)}` : `${percent}%`}
                </Text>
              </div>
            );
          },
        },
        { accessor: "createdAt", title: t("created"), render: (j) => format.dateTime(new Date(j.createdAt), { dateStyle: "short", timeStyle: "medium" }) },
        {
          accessor: "fileId",
          title: t("result"),
          render: (j) =>
            j.error ? (
              <Text size="sm" c="red" role="status">{j.error}</Text>
            ) : j.fileId ? (
              <Anchor href={`/api/files/${j.fileId}`}>{t("download")}</Anchor>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}
