"use client";

import { Alert, Button, Group, NativeSelect, Stack, Textarea } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { reopenStepAction } from "@/lib/domain/onboarding/onboarding-actions";
import { ActionError } from "@/components/ui/action-error";

/** For central experts: reopen a step reached so far (the later ones open again with it), with a reason. */
export function ReopenStepForm({ entityId, currentStep }: { entityId: string; currentStep: number }) {
  const t = useTranslations("reopen");
  const tSteps = useTranslations("steps");
  const router = useRouter();
  const steps = [1, 2, 3, 4, 5, 6].filter((s) => s <= currentStep);
  const [step, setStep] = useState(String(steps.at(-1) ?? 1));
  const [reason, setReason] = useState("");
  const { execute, isPending, result } = useAction(reopenStepAction, { onSuccess: () => router.refresh() });

  function submit(event: FormEvent) {
    event.preventDefault();
    execute({ entityId, step: Number(step) as 1 | 2 | 3 | 4 | 5 | 6, reason });
  }

  return (
    <form onSubmit={submit} aria-labelledby="reopen-title">
      <Stack gap="sm" maw={560}>
        <NativeSelect
          label={t("step")}
          value={step}
          onChange={(e) => setStep(e.currentTarget.value)}
          data={steps.map((s) => ({ value: String(s), label: `${s}. ${tSteps(String(s) as "1")}` }))}
        />
        <Textarea label={t("reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required minLength={3} autosize minRows={2} />
        <Group>
          <Button type="submit" variant="default" loading={isPending} disabled={reason.trim().length < 3}>
            {t("submit")}
          </Button>
        </Group>
        {result.data && (
          <Alert color="green" role="status">
            {t("done", { step: result.data.step })}
          </Alert>
        )}
        <ActionError error={result.serverError} />
      </Stack>
    </form>
  );
}
