"use client";

import { Alert, Badge, Group, Progress, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { JobRunView } from "@/lib/domain/jobs/queries";

async function fetchJob(jobRunId: string): Promise<JobRunView> {
  const response = await fetch(`/api/jobs/${jobRunId}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { job: JobRunView }).job;
}

/**
 * The live progress of a step's job: polled every second while it is queued or running; when it
 * ends, the page is rendered again from the server (counts, state, files). A failure shows its
 * reason, in Dutch, as the job recorded it.
 */
export function StepJobProgress({ jobRunId }: { jobRunId: string }) {
  const t = useTranslations("jobs");
  const router = useRouter();
  const { data: job } = useQuery({
    queryKey: ["job", jobRunId],
    queryFn: () => fetchJob(jobRunId),
    refetchInterval: (query) => (!query.state.data || query.state.data.state === "queued" || query.state.data.state === "running" ? 1_000 : false),
  });
  const wasActive = useRef(false);
  const active = !job || job.state === "queued" || job.state === "running";
  useEffect(() => {
    if (active) wasActive.current = true;
    else if (wasActive.current) router.refresh();
  }, [active, router]);
  if (!job) return null;
  const percent = job.progressTotal ? Math.round((100 * job.progressDone) / job.progressTotal) : job.state === "succeeded" ? 100 : 0;
  return (
    <Stack gap={4} maw={560} aria-live="polite">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t("progress")}
        </Text>
        <Badge variant="light" color={job.state === "failed" ? "red" : job.state === "succeeded" ? "green" : "blue"}>
          {t(`state_${job.state}`)}
        </Badge>
      </Group>
      <Progress value={percent} animated={job.state === "running"} aria-label={`${t("progress")}: ${percent}%`} />
      {job.error && (
        <Alert color={job.state === "failed" ? "red" : "yellow"} role="alert">
          {job.error}
        </Alert>
      )}
    </Stack>
  );
}
