import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { getFormatter, getTranslations } from "next-intl/server";

export interface StepRunView {
  id: string;
  state: "running" | "done" | "failed";
  started_at: Date;
  actor_name: string | null;
  job_error: string | null;
}

/**
 * The runs of an automated step, newest first: state, when, who, what it did (`summary`, for a
 * finished run) and a failed job's reason. Texts from the step's namespace: runsTitle, noRuns, runState_*.
 */
export async function StepRunsList<R extends StepRunView>({ runs, namespace, summary }: { runs: R[]; namespace: "step1" | "step4" | "step6"; summary: (run: R) => string | null }) {
  const t = await getTranslations(namespace);
  const format = await getFormatter();
  return (
    <section aria-labelledby="runs-title">
      <Title order={2} size="h3" id="runs-title" mb="xs">
        {t("runsTitle")}
      </Title>
      {runs.length === 0 ? (
        <Text>{t("noRuns")}</Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: "none", padding: 0 }}>
          {runs.map((run) => {
            const done = run.state === "done" ? summary(run) : null;
            return (
              <Group component="li" key={run.id} gap="sm">
                <Badge color={run.state === "done" ? "green" : run.state === "failed" ? "red" : "blue"} variant="light">
                  {t(`runState_${run.state}`)}
                </Badge>
                <Text size="sm">
                  {format.dateTime(run.started_at, { dateStyle: "medium", timeStyle: "short" })} · {run.actor_name ?? "—"}
                  {done && ` · ${done}`}
                </Text>
                {run.job_error && (
                  <Text size="sm" c="red">
                    {run.job_error}
                  </Text>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </section>
  );
}
