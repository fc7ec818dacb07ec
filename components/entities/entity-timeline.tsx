import { Anchor, Group, Stack, Text, Timeline, TimelineItem, Title } from "@mantine/core";
import { getFormatter, getTranslations } from "next-intl/server";
import { describeActivity } from "@/lib/domain/entities/describe-activity";
import type { listEntityActivity } from "@/lib/domain/entities/activity-queries";

/** What happened to an entity, newest first: uploads, imports, reference changes, jobs. */
export async function EntityTimeline({ events }: { events: Awaited<ReturnType<typeof listEntityActivity>> }) {
  const t = await getTranslations("activity");
  const tJobs = await getTranslations("jobs");
  const format = await getFormatter();
  const items = events.flatMap((event) => {
    const description = describeActivity(event);
    if (!description) return [];
    const values = { ...description.values };
    if (typeof values.list === "string") values.list = t(`list_${values.list}` as "list_personnelList");
    if (typeof values.type === "string") {
      const key = `type_${values.type.replaceAll(".", "_")}`;
      values.type = tJobs.has(key as "title") ? tJobs(key as "title") : values.type;
    }
    return [
      {
        id: event.id,
        at: event.at,
        actor: event.actorName ?? "—",
        text: t(description.key as "uploadPreviewed", values),
        files: (description.files ?? []).map((f) => ({ href: `/api/files/${f.fileId}`, label: t(f.label) })),
      },
    ];
  });
  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} size="h3" id="timeline-title" mb="sm">
        {t("title")}
      </Title>
      {items.length === 0 ? (
        <Text>{t("empty")}</Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} component="ol" style={{ listStyle: "none", paddingLeft: 0 }}>
          {items.map((item) => (
            <TimelineItem key={item.id} component="li">
              <Stack gap={0}>
                <Text size="sm">{item.text}</Text>
                {item.files.length > 0 && (
                  <Group gap="sm">
                    {item.files.map((file) => (
                      <Anchor key={file.href} href={file.href} size="xs">
                        {file.label}
                      </Anchor>
                    ))}
                  </Group>
                )}
                <Text size="xs" c="dimmed">
                  <time dateTime={item.at.toISOString()}>{format.dateTime(item.at, { dateStyle: "medium", timeStyle: "short" })}</time> · {item.actor}
                </Text>
              </Stack>
            </TimelineItem>
          ))}
        </Timeline>
      )}
    </section>
  );
}
