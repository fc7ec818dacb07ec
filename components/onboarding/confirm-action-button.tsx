"use client";

import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import type { HookSafeActionFn } from "next-safe-action/hooks";
import { ActionError } from "@/components/ui/action-error";

/**
 * A button that runs a server action (for one entity, or with the input given) after a confirmation that says what will
 * happen (submit a step, start a job), then shows the outcome and refreshes the page.
 */
export function ConfirmActionButton({
  action,
  entityId,
  input,
  label,
  confirm,
  done,
  cancel,
  color,
  available = true,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  action: HookSafeActionFn<any, any, any, any>;
  entityId?: string;
  /** The action's input when it is not just `{ entityId }`. */
  input?: Record<string, unknown>;
  label: string;
  confirm: string;
  done: string;
  cancel: string;
  color?: string;
  /**
   * False when there is nothing (left) to do: no button. Keep the component rendered then, so that
   * its confirmation stays on screen after the page refreshes with nothing left.
   */
  available?: boolean;
}) {
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const { execute, isPending, result } = useAction(action, {
    onSuccess: () => {
      close();
      router.refresh();
    },
  });
  return (
    <Stack gap="xs" align="flex-start">
      {!result.data && available && (
        <Button color={color} onClick={open}>
          {label}
        </Button>
      )}
      <Modal opened={opened} onClose={close} title={label}>
        <Stack>
          <Text>{confirm}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {cancel}
            </Button>
            <Button color={color} loading={isPending} onClick={() => execute(input ?? { entityId })}>
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {result.data && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      <ActionError error={result.serverError} />
    </Stack>
  );
}
