"use client";

import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { startStep4Action } from "@/lib/domain/step4/step4-actions";
import { ActionError } from "@/components/ui/action-error";

/** Runs step 4 after a confirmation that repeats what the dry run said. */
export function StartStep4Button({ entityId, create }: { entityId: string; create: number }) {
  const t = useTranslations("step4");
  const [opened, { open, close }] = useDisclosure(false);
  const { execute, isPending, result } = useAction(startStep4Action, { onSuccess: close });
  return (
    <Stack gap="xs" align="flex-start">
      <Button onClick={open}>{t("run")}</Button>
      <Modal opened={opened} onClose={close} title={t("run")}>
        <Stack>
          <Text>{t("runConfirm", { create })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("cancel")}
            </Button>
            <Button loading={isPending} onClick={() => execute({ entityId })}>
              {t("run")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {result.data && (
        <Alert color="blue" role="status">
          {t("started")}
        </Alert>
      )}
      <ActionError error={result.serverError} />
    </Stack>
  );
}
