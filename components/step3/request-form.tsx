"use client";

import { Button, Group, Loader, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent } from "react";
import type { CorrectionOptions } from "@/components/step2/correction-dialog";
import { correctTemplateRequestAction, templateOptionsAction } from "@/lib/domain/step3/step3-actions";
import type { RequestCorrection, TemplateRequestRow } from "@/lib/domain/step3/template-requests";
import { ActionError } from "@/components/ui/action-error";

/** The online correction of one accepted template row, checked on the server by the rules of the upload. */
export function RequestForm({ entityId, row, options, onDone }: { entityId: string; row: TemplateRequestRow; options: CorrectionOptions; onDone: (saved: boolean) => void }) {
  const t = useTranslations("step3");
  const [values, setValues] = useState<RequestCorrection>({
    decision: row.decision,
    notNeededReason: row.notNeededReason ?? "",
    functionCode: row.functionCode ?? "",
    gradeCode: row.gradeCode ?? "",
    unitCode: row.unitCode ?? "",
    costCentreCode: row.costCentreCode ?? "",
    dutyLocationCode: row.dutyLocationCode ?? "",
    fte: row.fte === null ? "" : String(row.fte).replace(".", ","),
    validFrom: row.validFrom ?? "",
    note: row.note ?? "",
  });
  const { execute, isPending, result } = useAction(correctTemplateRequestAction, {
    onSuccess: ({ data }) => {
      if (data?.ok) onDone(true);
    },
  });
  const fieldErrors = result.data && !result.data.ok ? result.data.fieldErrors : {};
  const set = (key: keyof RequestCorrection) => (value: string | null) => setValues((v) => ({ ...v, [key]: value ?? "" }));
  const title = options.functions.find((f) => f.value === values.functionCode)?.title;
  const requested = values.decision === "requested";

  function submit(event: FormEvent) {
    event.preventDefault();
    execute({ entityId, requestId: row.id, expectedRevision: row.revision, correction: values });
  }

  const select = (key: keyof RequestCorrection, data: { value: string; label: string }[], required = false) => (
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
        {row.vlimpers && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`decision-${row.id}`}>
              {t("f_decision")}
            </Text>
            <SegmentedControl
              aria-labelledby={`decision-${row.id}`}
              data={[
                { value: "requested", label: t("decision_requested") },
                { value: "not_needed", label: t("decision_not_needed") },
              ]}
              value={values.decision}
              onChange={(value) => set("decision")(value)}
            />
          </Stack>
        )}
        {!requested && (
          <Textarea label={t("f_notNeededReason")} value={values.notNeededReason} onChange={(e) => set("notNeededReason")(e.currentTarget.value)} required error={fieldErrors.notNeededReason} autosize minRows={2} />
        )}
        {requested && (
          <>
            {select("functionCode", options.functions, true)}
            {title && (
              <Text size="sm" c="dimmed" aria-live="polite">
                {t("functionTitle", { title })}
              </Text>
            )}
            {select("gradeCode", options.grades, true)}
            {select("unitCode", options.units, true)}
            {select("costCentreCode", options.costCentres)}
            {select("dutyLocationCode", options.dutyLocations)}
            <TextInput label={t("f_fte")} value={values.fte} onChange={(e) => set("fte")(e.currentTarget.value)} required error={fieldErrors.fte} inputMode="decimal" />
            <TextInput type="date" label={t("f_validFrom")} description={t("validFromHint")} value={values.validFrom} onChange={(e) => set("validFrom")(e.currentTarget.value)} error={fieldErrors.validFrom} />
          </>
        )}
        <Textarea label={t("f_note")} value={values.note} onChange={(e) => set("note")(e.currentTarget.value)} error={fieldErrors.note} autosize minRows={1} />
        <ActionError error={result.serverError ?? (fieldErrors.row ? { message: fieldErrors.row } : undefined)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(false)}>
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

/** The form, once the choices it offers are loaded. */
export function LoadedRequestForm(props: Omit<Parameters<typeof RequestForm>[0], "options">) {
  const { execute, result } = useAction(templateOptionsAction);
  useEffect(() => execute({ entityId: props.entityId }), [execute, props.entityId]);
  if (result.serverError) return <ActionError error={result.serverError} />;
  if (!result.data) return <Loader size="sm" aria-label="…" />;
  return <RequestForm {...props} options={result.data} />;
}
