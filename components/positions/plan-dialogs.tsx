"use client";

import { Button, Group, Loader, Modal, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { ActionError } from "@/components/ui/action-error";
import { LoadedCorrectionForm } from "@/components/step2/correction-dialog";
import { todayInBrussels } from "@/lib/dates";
import { abolishPositionAction, createPositionAction, freezePositionAction, linkRelationAction, unlinkRelationAction } from "@/lib/domain/positions/plan-actions";
import { correctionOptionsAction } from "@/lib/domain/step2/step2-actions";

/** A button that opens a small form in a dialog; the page is rendered again when it succeeds. */
function DialogButton({ label, title, children, variant = "default", color }: { label: string; title?: string; variant?: string; color?: string; children: (close: () => void) => ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant={variant} color={color} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title ?? label}>
        {opened && children(() => setOpened(false))}
      </Modal>
    </>
  );
}

function useDone(close: () => void) {
  const router = useRouter();
  return () => {
    close();
    router.refresh();
  };
}

function DateForm({ label, submitLabel, onSubmit, pending, error }: { label: string; submitLabel: string; onSubmit: (date: string) => void; pending: boolean; error?: { message: string } }) {
  const [date, setDate] = useState(todayInBrussels());
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit(date);
      }}
    >
      <Stack gap="sm">
        <TextInput type="date" label={label} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
        <ActionError error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function FreezeButton({ entityId, positionId, revision, frozen }: { entityId: string; positionId: string; revision: number; frozen: boolean }) {
  const t = useTranslations("plan");
  const label = frozen ? t("unfreeze") : t("freeze");
  return (
    <DialogButton label={label}>
      {(close) => <FreezeForm entityId={entityId} positionId={positionId} revision={revision} frozen={frozen} label={label} close={close} />}
    </DialogButton>
  );
}

function FreezeForm({ entityId, positionId, revision, frozen, label, close }: { entityId: string; positionId: string; revision: number; frozen: boolean; label: string; close: () => void }) {
  const t = useTranslations("plan");
  const { execute, isPending, result } = useAction(freezePositionAction, { onSuccess: useDone(close) });
  return <DateForm label={t("from")} submitLabel={label} pending={isPending} error={result.serverError} onSubmit={(from) => execute({ entityId, positionId, expectedRevision: revision, frozen: !frozen, from })} />;
}

export function AbolishButton({ entityId, positionId, revision }: { entityId: string; positionId: string; revision: number }) {
  const t = useTranslations("plan");
  return (
    <DialogButton label={t("abolish")} color="red" variant="light">
      {(close) => <AbolishForm entityId={entityId} positionId={positionId} revision={revision} close={close} />}
    </DialogButton>
  );
}

function AbolishForm({ entityId, positionId, revision, close }: { entityId: string; positionId: string; revision: number; close: () => void }) {
  const t = useTranslations("plan");
  const { execute, isPending, result } = useAction(abolishPositionAction, { onSuccess: useDone(close) });
  return <DateForm label={t("lastDay")} submitLabel={t("abolish")} pending={isPending} error={result.serverError} onSubmit={(until) => execute({ entityId, positionId, expectedRevision: revision, until })} />;
}

export function UnlinkButton({ entityId, linkId, who }: { entityId: string; linkId: string; who: string }) {
  const t = useTranslations("plan");
  return (
    <DialogButton label={t("unlink")} title={t("unlinkTitle", { who })} variant="subtle">
      {(close) => <UnlinkForm entityId={entityId} linkId={linkId} close={close} />}
    </DialogButton>
  );
}

function UnlinkForm({ entityId, linkId, close }: { entityId: string; linkId: string; close: () => void }) {
  const t = useTranslations("plan");
  const { execute, isPending, result } = useAction(unlinkRelationAction, { onSuccess: useDone(close) });
  return <DateForm label={t("lastDay")} submitLabel={t("unlink")} pending={isPending} error={result.serverError} onSubmit={(until) => execute({ entityId, linkId, until })} />;
}

export function LinkButton({ entityId, positionId }: { entityId: string; positionId: string }) {
  const t = useTranslations("plan");
  return <DialogButton label={t("link")}>{(close) => <LinkForm entityId={entityId} positionId={positionId} close={close} />}</DialogButton>;
}

function LinkForm({ entityId, positionId, close }: { entityId: string; positionId: string; close: () => void }) {
  const t = useTranslations("plan");
  const [vlimpers, setVlimpers] = useState("");
  const [relationNumber, setRelationNumber] = useState<number | string>(1);
  const [fte, setFte] = useState<number | string>(1);
  const [from, setFrom] = useState(todayInBrussels());
  const { execute, isPending, result } = useAction(linkRelationAction, { onSuccess: useDone(close) });
  const errors = result.validationErrors?.fieldErrors as Record<string, string[] | undefined> | undefined;
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        execute({ entityId, positionId, vlimpers, relationNumber: Number(relationNumber), fte: Number(fte), from });
      }}
    >
      <Stack gap="sm">
        <TextInput label={t("vlimpers")} value={vlimpers} onChange={(e) => setVlimpers(e.currentTarget.value)} required inputMode="numeric" error={errors?.vlimpers?.[0]} />
        <NumberInput label={t("relationNumber")} value={relationNumber} onChange={setRelationNumber} min={1} max={999} required />
        <NumberInput label={t("fte")} value={fte} onChange={setFte} min={0.001} max={1} step={0.1} decimalScale={3} decimalSeparator="," required error={errors?.fte?.[0]} />
        <TextInput type="date" label={t("from")} value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
        <ActionError error={result.serverError} />
        <Group justify="flex-end">
          <Button type="submit" loading={isPending}>
            {t("link")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CreatePositionButton({ entityId }: { entityId: string }) {
  const t = useTranslations("plan");
  return (
    <DialogButton label={t("create")} variant="filled">
      {(close) => <CreatePositionForm entityId={entityId} close={close} />}
    </DialogButton>
  );
}

function CreatePositionForm({ entityId, close }: { entityId: string; close: () => void }) {
  const t = useTranslations("plan");
  const options = useAction(correctionOptionsAction);
  useEffect(() => options.execute({ entityId }), [options.execute, entityId]);
  const [values, setValues] = useState({ functionCode: "", gradeCode: "", unitCode: "", costCentreCode: "", dutyLocationCode: "", fte: "1" });
  const [validFrom, setValidFrom] = useState(todayInBrussels());
  const router = useRouter();
  const create = useAction(createPositionAction, {
    onSuccess: ({ data }) => {
      if (data?.ok) {
        close();
        router.push(`/entities/${entityId}/positions/${data.positionId}`);
      }
    },
  });
  if (options.result.serverError) return <ActionError error={options.result.serverError} />;
  if (!options.result.data) return <Loader size="sm" aria-label="…" />;
  const data = options.result.data;
  const fieldErrors = create.result.data && !create.result.data.ok ? create.result.data.fieldErrors : {};
  const set = (key: keyof typeof values) => (value: string | null) => setValues((v) => ({ ...v, [key]: value ?? "" }));
  const select = (key: "functionCode" | "gradeCode" | "unitCode" | "costCentreCode" | "dutyLocationCode", list: { value: string; label: string }[], required = false) => (
    <Select label={t(`f_${key}`)} data={list} value={values[key] || null} onChange={set(key)} searchable clearable={!required} required={required} error={fieldErrors[key]} />
  );
  return (
    <form
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        create.execute({ entityId, data: values, validFrom });
      }}
    >
      <Stack gap="sm">
        {select("functionCode", data.functions, true)}
        {select("gradeCode", data.grades)}
        {select("unitCode", data.units)}
        {select("costCentreCode", data.costCentres)}
        {select("dutyLocationCode", data.dutyLocations)}
        <TextInput label={t("fte")} value={values.fte} onChange={(e) => set("fte")(e.currentTarget.value)} required inputMode="decimal" error={fieldErrors.fte} />
        <TextInput type="date" label={t("validFrom")} description={t("validFromHint")} value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} required />
        <ActionError error={create.result.serverError} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t("create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Changes a position's data from today (a new dated version), with the form and checks of the step-2 corrections. */
export function ChangePositionButton({ entityId, position }: { entityId: string; position: { id: string; number: number; revision: number; functionCode: string; functionTitle: string; gradeCode: string | null; unitCode: string | null; costCentreCode: string | null; dutyLocationCode: string | null; fte: number } }) {
  const t = useTranslations("plan");
  const router = useRouter();
  const line = {
    relationId: "",
    colour: "blue" as const,
    reason: null,
    vlimpers: "",
    name: "",
    relationNumber: 0,
    kind: "employee" as const,
    status: "active" as const,
    legalStatus: "",
    positionId: position.id,
    positionNumber: position.number,
    positionRevision: position.revision,
    functionCode: position.functionCode,
    functionTitle: position.functionTitle,
    gradeCode: position.gradeCode,
    unitCode: position.unitCode,
    unitName: null,
    costCentreCode: position.costCentreCode,
    dutyLocationCode: position.dutyLocationCode,
    fte: position.fte,
  };
  return (
    <DialogButton label={t("change")}>
      {(close) => (
        <LoadedCorrectionForm
          entityId={entityId}
          line={line}
          onDone={() => {
            close();
            router.refresh();
          }}
        />
      )}
    </DialogButton>
  );
}
