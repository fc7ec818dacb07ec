"use client";

import { Alert, Button, Stack } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { commitPersonnelImportAction } from "@/lib/domain/personnel/import-actions";

export function ConfirmImportButton({ entityId, importRunId }: { entityId: string; importRunId: string }) {
  const t = useTranslations("personnel");
  const router = useRouter();
  // The page then shows the import as committed, with its figures.
  const { execute, isPending, result } = useAction(commitPersonnelImportAction, { onSuccess: () => router.refresh() });
  const outcome = result.data;
  return (
    <Stack gap="xs" align="flex-start">
      {!outcome && (
        <Button color="green" loading={isPending} onClick={() => execute({ entityId, importRunId })}>
          {t("confirm")}
        </Button>
      )}
      {outcome && (
        <Alert color="green" role="status">
          {outcome.state === "unchanged" ? t("confirmedUnchanged") : t("confirmed", { added: outcome.added, changed: outcome.changed, gone: outcome.gone })}
        </Alert>
      )}
      {result.serverError && (
        <Alert color="red" role="alert">
          {result.serverError.message}
        </Alert>
      )}
    </Stack>
  );
}
