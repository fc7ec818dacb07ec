"use client";

import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { submitTemplateAction } from "@/lib/domain/step3/step3-actions";
import { ActionError } from "@/components/ui/action-error";

/** The entity submits its accepted template; step 4 then waits for the central agency. */
export function SubmitTemplateButton({ entityId, requested, notNeeded }: { entityId: string; requested: number; notNeeded: number }) {
  const t = useTranslations("step3");
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const { execute, isPending, result } = useAction(submitTemplateAction, {
    onSuccess: () => {
      close();
      router.refresh();
    },
  });
  if (result.data) {
    return (
      <Alert color="green" role="status">
        {t("submitted")}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" align="flex-start">
      <Button color="green" onClick={open}>
        {t("submit")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("submit")}>
        <Stack>
          <Text>{t("submitConfirm", { requested, notNeeded })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("cancel")}
            </Button>
            <Button color="green" loading={isPending} onClick={() => execute({ entityId })}>
              {t("submit")}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ActionError error={result.serverError} />
    </Stack>
  );
}
