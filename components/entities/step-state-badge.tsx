import { useTranslations } from "next-intl";
import { PlainBadge, type BadgeColor } from "@/components/ui/plain-table";

const COLORS: Record<string, BadgeColor> = {
  not_started: "gray",
  running: "blue",
  waiting_entity: "orange",
  waiting_central: "grape",
  done: "green",
  failed: "red",
};

/** The state of an onboarding step, in full: a narrow column wraps the badge rather than cutting its text. */
export function StepStateBadge({ state }: { state: string }) {
  const t = useTranslations("stepState");
  return (
    <PlainBadge color={COLORS[state] ?? "gray"} wrap>
      {t(state)}
    </PlainBadge>
  );
}
