"use client";

import { Alert, Button, Stack } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { commitPersonnelImportAction } from "@/lib/domain/personnel/import-actions";
import { commitReferenceImportAction } from "@/lib/domain/reference/reference-actions";
import type { ReferenceKindKey } from "@/lib/domain/reference/reference-kinds";
import { ActionError } from "@/components/ui/action-error";

export type ImportConfirmTarget =
  | { type: "personnel"; entityId: string }
  | { type: "reference"; kind: ReferenceKindKey; entityId: string | null };

/** Confirms a clean preview; the page then shows the import as committed, with its figures. */
export function ConfirmImportButton({ target, importRunId }: { target: ImportConfirmTarget; importRunId: string }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const personnel = useAction(commitPersonnelImportAction, { onSuccess });
  const reference = useAction(commitReferenceImportAction, { onSuccess });
  const { isPending, result } = target.type === "personnel" ? personnel : reference;
  const outcome = result.data;
  const confirm = () =>
    target.type === "personnel"
      ? personnel.execute({ entityId: target.entityId, importRunId })
      : reference.execute({ kind: target.kind, entityId: target.entityId, importRunId });
  return (
    <Stack gap="xs" align="flex-start">
      {!outcome && (
        <Button color="green" loading={isPending} onClick={confirm}>
          {t("confirm")}
        </Button>
      )}
      {outcome && (
        <Alert color="green" role="status">
          {outcome.state === "unchanged"
            ? t("confirmedUnchanged")
            : "gone" in outcome
              ? t("confirmed", { added: outcome.added, changed: outcome.changed, gone: outcome.gone })
              : t("confirmedReference", { added: outcome.added, changed: outcome.changed })}
        </Alert>
      )}
      <ActionError error={result.serverError} />
    </Stack>
  );
}
