"use client";

import { Alert, Button, Group, Loader, Select, Stack, Text, TextInput } from "@mantine/core";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import type { PositionCorrection } from "@/lib/domain/positions/correct-position";
import { correctionOptionsAction, correctPositionAction } from "@/lib/domain/step2/step2-actions";
import type { ReportLine } from "@/lib/domain/step2/report-queries";
import { ActionError } from "@/components/ui/action-error";

export interface CorrectionOptions {
  grades: { value: string; label: string }[];
  functions: { value: string; label: string; title: string }[];
  units: { value: string; label: string }[];
  costCentres: { value: string; label: string }[];
  dutyLocations: { value: string; label: string }[];
}

/** The form that corrects a blue line's position, checked on the server against the reference data. */
export function CorrectionForm({
  entityId,
  line,
  options,
  onDone,
}: {
  entityId: string;
  line: ReportLine;
  options: CorrectionOptions;
  onDone: (message: string | null) => void;
}) {
  const t = useTranslations("step2");
  const [values, setValues] = useState<PositionCorrection>({
    functionCode: line.functionCode ?? "",
    gradeCode: line.gradeCode ?? "",
    fte: String(line.fte).replace(".", ","),
    unitCode: line.unitCode ?? "",
    costCentreCode: line.costCentreCode ?? "",
    dutyLocationCode: line.dutyLocationCode ?? "",
  });
  const { execute, isPending, result } = useAction(correctPositionAction, {
    onSuccess: ({ data }) => {
      if (data?.ok) onDone(data.changed ? t("saved", { number: line.positionNumber ?? "" }) : t("unchanged"));
    },
  });
  const fieldErrors = result.data && !result.data.ok ? result.data.fieldErrors : {};
  const set = (key: keyof PositionCorrection) => (value: string | null) => setValues((v) => ({ ...v, [key]: value ?? "" }));
  const title = options.functions.find((f) => f.value === values.functionCode)?.title;

  function submit(event: FormEvent) {
    event.preventDefault();
    execute({ entityId, positionId: line.positionId!, expectedRevision: line.positionRevision!, correction: values });
  }

  const select = (key: keyof PositionCorrection, data: { value: string; label: string }[], required = false) => (
    <Select
      label={t(`f_${key}`)}
      data={data}
      value={values[key] || null}
      onChange={set(key)}
      searchable
      clearable={!required}
      required={required}
      error={fieldErrors[key]}
      nothingFoundMessage="—"
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {select("functionCode", options.functions, true)}
        {title && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t("functionTitle", { title })}
          </Text>
        )}
        {select("gradeCode", options.grades)}
        <TextInput label={t("f_fte")} value={values.fte} onChange={(e) => set("fte")(e.currentTarget.value)} required error={fieldErrors.fte} inputMode="decimal" />
        {select("unitCode", options.units)}
        {select("costCentreCode", options.costCentres)}
        {select("dutyLocationCode", options.dutyLocations)}
        <ActionError error={result.serverError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(null)}>
            {t("cancel")}
          </Button>
          <Button type="submit" loading={isPending}>
            {t("save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The correction form, once the choices it offers are loaded. */
export function LoadedCorrectionForm(props: Omit<Parameters<typeof CorrectionForm>[0], "options">) {
  const { execute, result } = useAction(correctionOptionsAction);
  useEffect(() => execute({ entityId: props.entityId }), [execute, props.entityId]);
  if (result.serverError) return <ActionError error={result.serverError} />;
  if (!result.data) return <Loader size="sm" aria-label="…" />;
  return <CorrectionForm {...props} options={result.data} />;
}
