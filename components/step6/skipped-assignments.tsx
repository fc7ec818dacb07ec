import { Alert, Stack } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import type { Step6Counts } from "@/lib/domain/step5/control-queries";

/**
 * The assignments step 6 will skip, each with why and what to do: shown on step 5, where the entity
 * can still change them, and on step 6 before it runs.
 */
export async function SkippedAssignments({ counts }: { counts: Step6Counts }) {
  const t = await getTranslations("step6");
  if (counts.linkedElsewhere === 0 && counts.positionGone === 0) return null;
  return (
    <Stack gap="xs">
      {counts.linkedElsewhere > 0 && <Alert color="orange">{t("linkedElsewhere", { count: counts.linkedElsewhere })}</Alert>}
      {counts.positionGone > 0 && <Alert color="orange">{t("positionGone", { count: counts.positionGone })}</Alert>}
    </Stack>
  );
}
