"use client";

import { Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ActionError } from "@/components/ui/action-error";
import { addAgreementAction, editAgreementAction } from "@/lib/domain/agreements/agreement-actions";
import type { Agreement } from "@/lib/domain/agreements/agreement-store";

type Content = { meetingDate: string; title: string; body: string };
type FieldErrors = { fieldErrors?: Record<string, string[] | undefined> } | undefined;

function AgreementForm({ initial, pending, submitLabel, onSubmit, onCancel, errors, serverError }: {
  initial: Content;
  pending: boolean;
  submitLabel: string;
  onSubmit: (content: Content) => void;
  onCancel?: () => void;
  errors?: { content?: FieldErrors } & Record<string, unknown>;
  serverError?: { message: string };
}) {
  const t = useTranslations("agreements");
  const [content, setContent] = useState(initial);
  const set = (field: keyof Content) => (e: { currentTarget: { value: string } }) => setContent({ ...content, [field]: e.currentTarget.value });
  const error = (field: string) => (errors?.content as FieldErrors)?.fieldErrors?.[field]?.[0];
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(content);
  }
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={720}>
        <Group align="start" gap="sm">
          <TextInput type="date" label={t("meetingDate")} value={content.meetingDate} onChange={set("meetingDate")} required w={200} error={error("meetingDate")} />
          <TextInput label={t("titleField")} value={content.title} onChange={set("title")} required minLength={3} maxLength={200} style={{ flex: 1 }} error={error("title")} />
        </Group>
        <Textarea label={t("body")} value={content.body} onChange={set("body")} required autosize minRows={4} maxLength={20_000} error={error("body")} />
        <ActionError error={serverError} />
        <Group>
          <Button type="submit" loading={pending}>{submitLabel}</Button>
          {onCancel && <Button variant="default" onClick={onCancel}>{t("cancel")}</Button>}
        </Group>
      </Stack>
    </form>
  );
}

function AgreementCard({ entityId, agreement, canEdit }: { entityId: string; agreement: Agreement; canEdit: boolean }) {
  const t = useTranslations("agreements");
  const format = useFormatter();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const edit = useAction(editAgreementAction, { onSuccess: () => { setEditing(false); router.refresh(); } });
  const day = (iso: string) => format.dateTime(new Date(`${iso.slice(0, 10)}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const moment = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  return (
    <Card withBorder component="article" aria-labelledby={`agreement-${agreement.id}`}>
      {editing ? (
        <AgreementForm
          initial={{ meetingDate: agreement.meetingDate, title: agreement.title, body: agreement.body }}
          pending={edit.isPending}
          submitLabel={t("save")}
          onSubmit={(content) => edit.execute({ entityId, agreementId: agreement.id, expectedVersion: agreement.version, content })}
          onCancel={() => setEditing(false)}
          errors={edit.result.validationErrors as never}
          serverError={edit.result.serverError}
        />
      ) : (
        <Stack gap="xs">
          <Group justify="space-between" align="start">
            <div>
              <Title order={3} size="h4" id={`agreement-${agreement.id}`}>{agreement.title}</Title>
              <Text size="sm" c="dimmed">
                {t("byline", { author: agreement.authorName, date: day(agreement.meetingDate) })}
                {agreement.version > 1 && ` · ${t("editedLine", { version: agreement.version, date: moment(agreement.updatedAt) })}`}
              </Text>
            </div>
            {canEdit && <Button size="compact-sm" variant="default" onClick={() => setEditing(true)} aria-label={`${t("edit")}: ${agreement.title}`}>{t("edit")}</Button>}
          </Group>
          <Text style={{ whiteSpace: "pre-wrap" }}>{agreement.body}</Text>
          {agreement.history.length > 0 && (
            <details>
              <summary>{t("history", { count: agreement.history.length })}</summary>
              <Stack gap="sm" mt="xs">
                {agreement.history.map((v) => (
                  <div key={v.version}>
                    <Text size="sm" fw={600}>{t("versionLine", { version: v.version, author: v.savedByName, date: moment(v.savedAt) })}</Text>
                    <Text size="sm">{v.title} — {day(v.meetingDate)}</Text>
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>{v.body}</Text>
                  </div>
                ))}
              </Stack>
            </details>
          )}
        </Stack>
      )}
    </Card>
  );
}

/** The entity's agreements; central experts add them, and each author edits their own. */
export function AgreementsSection({ entityId, agreements, canWrite, userId, today }: { entityId: string; agreements: Agreement[]; canWrite: boolean; userId: string; today: string }) {
  const t = useTranslations("agreements");
  const router = useRouter();
  const [formKey, setFormKey] = useState(0);
  const add = useAction(addAgreementAction, { onSuccess: () => { setFormKey((k) => k + 1); router.refresh(); } });
  return (
    <Stack gap="md">
      <Text maw={820}>{t("intro")}</Text>
      {agreements.length === 0 && <Text c="dimmed">{t("none")}</Text>}
      {agreements.map((a) => (
        <AgreementCard key={a.id} entityId={entityId} agreement={a} canEdit={canWrite && a.authorId === userId} />
      ))}
      {canWrite && (
        <details>
          <summary style={{ cursor: "pointer", fontWeight: 600 }}>{t("add")}</summary>
          <div style={{ marginTop: 8 }}>
            <AgreementForm
              key={formKey}
              initial={{ meetingDate: today, title: "", body: "" }}
              pending={add.isPending}
              submitLabel={t("save")}
              onSubmit={(content) => add.execute({ entityId, content })}
              errors={add.result.validationErrors as never}
              serverError={add.result.serverError}
            />
          </div>
        </details>
      )}
      <Text size="sm" role="status">{add.hasSucceeded ? t("saved") : ""}</Text>
    </Stack>
  );
}
