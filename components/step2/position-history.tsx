"use client";

import { Loader, Stack, Text, Timeline, TimelineItem } from "@mantine/core";
import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { ActionError } from "@/components/ui/action-error";
import { positionHistoryAction } from "@/lib/domain/step2/step2-actions";

/** The versions of a position: what it was from which date, and who changed it when. */
export function PositionHistory({ entityId, positionId }: { entityId: string; positionId: string }) {
  const t = useTranslations("step2");
  const format = useFormatter();
  const { execute, result, isPending } = useAction(positionHistoryAction);
  useEffect(() => execute({ entityId, positionId }), [execute, entityId, positionId]);
  if (isPending || (!result.data && !result.serverError)) return <Loader size="sm" aria-label="…" />;
  if (result.serverError) return <ActionError error={result.serverError} />;
  return (
    <Timeline bulletSize={12} lineWidth={2}>
      {result.data!.map((v) => (
        <TimelineItem key={v.versionNumber} title={`${t("version", { number: v.versionNumber })} · ${t("validFrom", { date: v.validFrom })}`}>
          <Stack gap={0}>
            <Text size="sm">
              {v.functionCode} {v.functionTitle} · {v.gradeCode ?? "—"} · {t("f_fte")} {format.number(v.fte)} · {v.unitCode ?? "—"} · {v.costCentreCode ?? "—"} ·{" "}
              {v.dutyLocationCode ?? "—"}
            </Text>
            <Text size="xs" c="dimmed">
              {t("by", { name: v.createdByName ?? "—", date: format.dateTime(new Date(v.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}
            </Text>
          </Stack>
        </TimelineItem>
      ))}
    </Timeline>
  );
}
