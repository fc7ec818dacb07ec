"use client";

import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { leavePlaygroundAction, resetPlaygroundAction } from "@/lib/playground/playground-actions";
import { ActionError } from "@/components/ui/action-error";

export interface PlaygroundControlLabels {
  reset: string;
  resetConfirm: string;
  resetDone: string;
  leave: string;
  cancel: string;
}

/** Back to the start, after a confirmation; the button stays, for the next time. */
export function ResetPlaygroundButton({
  playgroundId,
  labels,
  size,
  variant,
}: {
  playgroundId: string;
  labels: PlaygroundControlLabels;
  size?: string;
  variant?: string;
}) {
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const reset = useAction(resetPlaygroundAction, {
    onSuccess: () => {
      close();
      router.refresh();
    },
  });
  return (
    <>
      <Button size={size} variant={variant} color="orange" onClick={open}>
        {labels.reset}
      </Button>
      <Modal opened={opened} onClose={close} title={labels.reset}>
        <Stack>
          <Text>{labels.resetConfirm}</Text>
          <ActionError error={reset.result.serverError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {labels.cancel}
            </Button>
            <Button color="orange" loading={reset.isPending} onClick={() => reset.execute({ playgroundId })}>
              {labels.reset}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Text span size="sm" role="status" fw={600}>
        {reset.hasSucceeded ? labels.resetDone : ""}
      </Text>
    </>
  );
}

/** The playground banner's buttons: back to the start, and leave. */
export function PlaygroundBannerControls({ playgroundId, labels }: { playgroundId: string; labels: PlaygroundControlLabels }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <ResetPlaygroundButton playgroundId={playgroundId} labels={labels} size="compact-sm" variant="white" />
      <LeavePlaygroundButton label={labels.leave} />
    </Group>
  );
}

/** Leaves the playground (or forgets one that is gone) and goes to the playground page. */
export function LeavePlaygroundButton({ label }: { label: string }) {
  const leave = useAction(leavePlaygroundAction);
  return (
    <>
      <Button size="compact-sm" variant="white" color="dark" loading={leave.isPending} onClick={() => leave.execute({})}>
        {label}
      </Button>
      <ActionError error={leave.result.serverError} />
    </>
  );
}
