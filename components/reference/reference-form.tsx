"use client";

import { Alert, Button, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { saveReferenceAction } from "@/lib/domain/reference/reference-actions";
import type { ReferenceListProps, ReferenceRow } from "./reference-types";
import { ActionError } from "@/components/ui/action-error";

interface ReferenceFormProps extends Pick<ReferenceListProps, "kind" | "entityId" | "fields" | "options"> {
  /** Absent to create. */
  record?: ReferenceRow;
  /** Called with true after a save, false on cancel. */
  onDone: (saved: boolean) => void;
}

/** Create or edit one record; the server checks it exactly as an import would, and names each faulty field. */
export function ReferenceForm({ kind, entityId, fields, options, record, onDone }: ReferenceFormProps) {
  const t = useTranslations("reference");
  const [texts, setTexts] = useState<Record<string, string>>(() => ({
    code: record?.code ?? "",
    ...Object.fromEntries(fields.map((f) => [f.key, record?.values[f.key] ?? ""])),
  }));
  const { execute, isPending, result } = useAction(saveReferenceAction, {
    onSuccess: ({ data }) => {
      if (data?.ok) onDone(true);
    },
  });
  const fieldErrors = result.data && !result.data.ok ? result.data.fieldErrors : {};
  const set = (key: string) => (value: string | null) => setTexts((current) => ({ ...current, [key]: value ?? "" }));

  function submit(event: FormEvent) {
    event.preventDefault();
    execute({
      kind,
      entityId,
      ...(record ? { id: record.id, expectedUpdatedAt: record.updatedAt } : {}),
      texts: { ...texts, active: record ? (record.active ? "ja" : "nee") : "ja" },
    });
  }

  const label = (key: string) => t(`field_${key}` as "field_code");
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={label("code")}
          required
          value={texts.code}
          onChange={(e) => set("code")(e.currentTarget.value)}
          disabled={Boolean(record)}
          description={record ? t("codeFixed") : undefined}
          error={fieldErrors.code}
          data-autofocus={record ? undefined : true}
        />
        {fields.map((field) => {
          const common = {
            key: field.key,
            label: label(field.key),
            required: field.required,
            error: fieldErrors[field.key],
            placeholder: field.example,
          };
          if (field.type === "level") {
            return <Select {...common} data={["A", "B", "C", "D"]} value={texts[field.key] || null} onChange={set(field.key)} allowDeselect={false} />;
          }
          if (field.type === "familyCode" || field.type === "parentCode") {
            const choices = (options[field.key] ?? []).filter((o) => o.value !== record?.code);
            return <Select {...common} data={choices} value={texts[field.key] || null} onChange={set(field.key)} searchable clearable={!field.required} />;
          }
          return <TextInput {...common} value={texts[field.key]} onChange={(e) => set(field.key)(e.currentTarget.value)} />;
        })}
        <ActionError error={result.serverError} />
        {result.validationErrors && (
          <Alert color="red" role="alert">
            <Text size="sm">{t("invalidInput")}</Text>
          </Alert>
        )}
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
