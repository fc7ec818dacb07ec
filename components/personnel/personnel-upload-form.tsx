"use client";

import { Alert, Button, FileInput, Group, Stack } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

/** Uploads a personnel list for its preview; the page then shows the result. */
export function PersonnelUploadForm({ entityId }: { entityId: string }) {
  const t = useTranslations("personnel");
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setPending(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/entities/${entityId}/personnel-imports`, { method: "POST", body });
      if (!response.ok && response.status !== 422) {
        const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(answer?.error?.message ?? `HTTP ${response.status}`);
      }
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="upload-title">
      <Stack gap="sm" maw={560}>
        <Group align="flex-end">
          <FileInput
            label={t("uploadLabel")}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            value={file}
            onChange={setFile}
            clearable
            style={{ flex: 1 }}
            name="file"
          />
          <Button type="submit" disabled={!file} loading={pending}>
            {t("uploadButton")}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
