"use client";

import { Alert, Button, Stack } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { commitPersonnelImportAction } from "@/lib/domain/personnel/import-actions";
import { commitReferenceImportAction } from "@/lib/domain/reference/reference-actions";
import { acceptTemplateUploadAction } from "@/lib/domain/step3/step3-actions";
import { acceptControlUploadAction } from "@/lib/domain/step5/step5-actions";
import type { ReferenceKindKey } from "@/lib/domain/reference/reference-kinds";
import { ActionError } from "@/components/ui/action-error";

export type ImportConfirmTarget =
  | { type: "personnel"; entityId: string }
  | { type: "reference"; kind: ReferenceKindKey; entityId: string | null }
  | { type: "template"; entityId: string }
  | { type: "control"; entityId: string };

/** Confirms a clean preview; the page then shows the import as committed, with its figures. */
export function ConfirmImportButton({ target, importRunId }: { target: ImportConfirmTarget; importRunId: string }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const onSuccess = () => router.refresh();
  const personnel = useAction(commitPersonnelImportAction, { onSuccess });
  const reference = useAction(commitReferenceImportAction, { onSuccess });
  const template = useAction(acceptTemplateUploadAction, { onSuccess });
  const control = useAction(acceptControlUploadAction, { onSuccess });
  const { isPending, result } =
    target.type === "personnel" ? personnel : target.type === "template" ? template : target.type === "control" ? control : reference;
  const outcome = result.data;
  const confirm = () =>
    target.type === "personnel"
      ? personnel.execute({ entityId: target.entityId, importRunId })
      : target.type === "template"
        ? template.execute({ entityId: target.entityId, importRunId })
        : target.type === "control"
          ? control.execute({ entityId: target.entityId, importRunId })
          : reference.execute({ kind: target.kind, entityId: target.entityId, importRunId });
  return (
    <Stack gap="xs" align="flex-start">
      {!outcome && (
        <Button color="green" loading={isPending} onClick={confirm}>
          {target.type === "template" || target.type === "control" ? t("accept") : t("confirm")}
        </Button>
      )}
      {outcome && (
        <Alert color="green" role="status">
          {"requested" in outcome
            ? t("accepted", { requested: outcome.requested, notNeeded: outcome.notNeeded })
            : "assigned" in outcome
              ? t("acceptedControl", { assigned: outcome.assigned, vacant: outcome.vacant })
              : outcome.state === "unchanged"
            ? t("confirmedUnchanged")
            : "gone" in outcome
              ? t("confirmed", { added: outcome.added, changed: outcome.changed, gone: outcome.gone, linksMoved: outcome.linksMoved })
              : t("confirmedReference", { added: outcome.added, changed: outcome.changed })}
        </Alert>
      )}
      <ActionError error={result.serverError} />
    </Stack>
  );
}
