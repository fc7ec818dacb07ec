"use client";

import { Badge } from "@mantine/core";
import { useTranslations } from "next-intl";

const COLORS: Record<string, string> = {
  not_started: "gray",
  running: "blue",
  waiting_entity: "orange",
  waiting_central: "grape",
  done: "green",
  failed: "red",
};

export function StepStateBadge({ state }: { state: string }) {
  const t = useTranslations("stepState");
  return (
    <Badge color={COLORS[state] ?? "gray"} variant="light" size="sm">
      {t(state)}
    </Badge>
  );
}
