"use client";

import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { startStep1Action } from "@/lib/domain/step1/step1-actions";
import { ActionError } from "@/components/ui/action-error";

/** Runs step 1 after a confirmation that repeats what the dry run said. */
export function StartStep1Button({ entityId, runDate, runDateLabel, create }: { entityId: string; runDate: string; runDateLabel: string; create: number }) {
  const t = useTranslations("step1");
  const [opened, { open, close }] = useDisclosure(false);
  const { execute, isPending, result } = useAction(startStep1Action, { onSuccess: close });
  return (
    <Stack gap="xs" align="flex-start">
      <Button onClick={open}>{t("run")}</Button>
      <Modal opened={opened} onClose={close} title={t("run")}>
        <Stack>
          <Text>{t("runConfirm", { date: runDateLabel, create })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("cancel")}
            </Button>
            <Button loading={isPending} onClick={() => execute({ entityId, runDate })}>
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
