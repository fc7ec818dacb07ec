"use client";

import { Alert, Anchor, Button, Stack } from "@mantine/core";
import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { exportRelationsAction } from "@/lib/domain/personnel/actions";
import { ActionError } from "@/components/ui/action-error";

export function ExportRelationsButton({ entityId }: { entityId: string }) {
  const t = useTranslations();
  const { execute, isPending, result } = useAction(exportRelationsAction);
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="light" loading={isPending} onClick={() => execute({ entityId })}>
        {t("entity.exportRelations")}
      </Button>
      {result.data && (
        <Alert color="green" role="status">
          {t("entity.exportQueued")} <Anchor component={Link} href="/jobs">{t("nav.jobs")}</Anchor>
        </Alert>
      )}
      <ActionError error={result.serverError} />
    </Stack>
  );
}
