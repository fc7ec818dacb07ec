"use client";

import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { completeStep2Action } from "@/lib/domain/step2/step2-actions";
import { ActionError } from "@/components/ui/action-error";

export function CompleteReviewButton({ entityId }: { entityId: string }) {
  const t = useTranslations("step2");
  const [opened, { open, close }] = useDisclosure(false);
  const { execute, isPending, result } = useAction(completeStep2Action, { onSuccess: close });
  if (result.data) {
    return (
      <Alert color="green" role="status">
        {t("completed")}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" align="flex-start">
      <Button color="green" onClick={open}>
        {t("complete")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("complete")}>
        <Stack>
          <Text>{t("completeConfirm")}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("cancel")}
            </Button>
            <Button color="green" loading={isPending} onClick={() => execute({ entityId })}>
              {t("complete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ActionError error={result.serverError} />
    </Stack>
  );
}
