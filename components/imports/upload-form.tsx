"use client";

import { Alert, Button, FileInput, Group, Stack } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

interface UploadFormProps {
  /** The route handler that answers the preview of a multipart "file". */
  uploadUrl: string;
  /** Label of the file input. */
  label: string;
  /** Id of the heading that names the form. */
  labelledBy: string;
}

/** Uploads a spreadsheet for its preview; the page then shows the result. */
export function UploadForm({ uploadUrl, label, labelledBy }: UploadFormProps) {
  const t = useTranslations("imports");
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
      const response = await fetch(uploadUrl, { method: "POST", body });
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
    <form onSubmit={submit} aria-labelledby={labelledBy}>
      <Stack gap="sm" maw={560}>
        <Group align="flex-end">
          <FileInput
            label={label}
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
