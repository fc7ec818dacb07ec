"use client";

import { Button, Group, Modal, NativeSelect, Stack, Table, TableTbody, TableTd, TableTh, TableThead, TableTr, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ActionError } from "@/components/ui/action-error";
import { createPlaygroundAction, enterPlaygroundAction, removePlaygroundAction } from "@/lib/playground/playground-actions";
import type { PlaygroundListItem } from "@/lib/playground/playground-service";
import { ResetPlaygroundButton } from "./playground-controls";

function useDateTime() {
  const format = useFormatter();
  return (value: string | null) => (value ? format.dateTime(new Date(value), { dateStyle: "short", timeStyle: "short" }) : "—");
}

/** Choose what to copy and open a playground on it. Making the copy takes a few seconds. */
export function NewPlaygroundForm({ sources }: { sources: { source: string; label: string }[] }) {
  const t = useTranslations("playground");
  const [source, setSource] = useState(sources[0]?.source ?? "");
  const create = useAction(createPlaygroundAction);
  function submit(event: FormEvent) {
    event.preventDefault();
    create.execute({ source });
  }
  return (
    <form onSubmit={submit} aria-labelledby="new-playground-title">
      <Stack gap="sm" maw={560}>
        <NativeSelect label={t("source")} value={source} onChange={(e) => setSource(e.currentTarget.value)}
          data={sources.map((s) => ({ value: s.source, label: s.source === "demo" ? t("demo") : s.label }))} />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={!source}>
            {t("create")}
          </Button>
          {create.isPending && <Text size="sm" role="status">{t("creating")}</Text>}
        </Group>
        <ActionError error={create.result.serverError} />
      </Stack>
    </form>
  );
}

function RemoveButton({ item, showOwner }: { item: PlaygroundListItem; showOwner: boolean }) {
  const t = useTranslations("playground");
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useAction(removePlaygroundAction, { onSuccess: () => { close(); router.refresh(); } });
  return (
    <>
      <Button size="compact-sm" variant="default" color="red" onClick={open} aria-label={`${t("remove")}: ${item.sourceLabel}${showOwner ? ` (${item.ownerName})` : ""}`}>
        {t("remove")}
      </Button>
      <Modal opened={opened} onClose={close} title={t("remove")}>
        <Stack>
          <Text>{t("removeConfirm", { source: item.sourceLabel, owner: item.ownerName })}</Text>
          <ActionError error={remove.result.serverError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t("cancel")}</Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.execute({ playgroundId: item.id })}>{t("remove")}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The user's own playgrounds: enter one, put it back at its start, or remove it. */
export function MyPlaygrounds({ items, activeId, caption }: { items: PlaygroundListItem[]; activeId: string | null; caption: string }) {
  const t = useTranslations("playground");
  const when = useDateTime();
  const enter = useAction(enterPlaygroundAction);
  if (items.length === 0) return <Text>{t("none")}</Text>;
  return (
    <Stack gap="xs">
      <Table withTableBorder striped>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <TableThead>
          <TableTr>
            <TableTh scope="col">{t("source")}</TableTh>
            <TableTh scope="col">{t("createdAt")}</TableTh>
            <TableTh scope="col">{t("resetAt")}</TableTh>
            <TableTh scope="col"><VisuallyHidden>{t("tableLabel")}</VisuallyHidden></TableTh>
          </TableTr>
        </TableThead>
        <TableTbody>
          {items.map((item) => (
            <TableTr key={item.id}>
              <TableTd>
                {item.sourceLabel}
                {item.id === activeId && <Text span size="xs" c="orange.8" fw={700}> ({t("active")})</Text>}
              </TableTd>
              <TableTd>{when(item.createdAt)}</TableTd>
              <TableTd>{when(item.resetAt)}</TableTd>
              <TableTd>
                <Group gap="xs" wrap="nowrap">
                  {item.id !== activeId && (
                    <Button size="compact-sm" loading={enter.isPending} onClick={() => enter.execute({ playgroundId: item.id })} aria-label={`${t("enter")}: ${item.sourceLabel}`}>
                      {t("enter")}
                    </Button>
                  )}
                  <ResetPlaygroundButton playgroundId={item.id} size="compact-sm"
                    labels={{ reset: t("reset"), resetConfirm: t("resetConfirm"), resetDone: t("resetDone"), leave: "", cancel: t("cancel") }} />
                  <RemoveButton item={item} showOwner={false} />
                </Group>
              </TableTd>
            </TableTr>
          ))}
        </TableTbody>
      </Table>
      <ActionError error={enter.result.serverError} />
    </Stack>
  );
}

/** For central experts: every playground, with its owner, to remove those no longer needed. */
export function AllPlaygrounds({ items, caption }: { items: PlaygroundListItem[]; caption: string }) {
  const t = useTranslations("playground");
  const when = useDateTime();
  if (items.length === 0) return <Text>{t("none")}</Text>;
  return (
    <Table withTableBorder striped>
      <VisuallyHidden component="caption">{caption}</VisuallyHidden>
      <TableThead>
        <TableTr>
          <TableTh scope="col">{t("owner")}</TableTh>
          <TableTh scope="col">{t("source")}</TableTh>
          <TableTh scope="col">{t("createdAt")}</TableTh>
          <TableTh scope="col">{t("lastUsedAt")}</TableTh>
          <TableTh scope="col"><VisuallyHidden>{t("tableLabel")}</VisuallyHidden></TableTh>
        </TableTr>
      </TableThead>
      <TableTbody>
        {items.map((item) => (
          <TableTr key={item.id}>
            <TableTd>{item.ownerName}</TableTd>
            <TableTd>{item.sourceLabel}</TableTd>
            <TableTd>{when(item.createdAt)}</TableTd>
            <TableTd>{when(item.lastUsedAt)}</TableTd>
            <TableTd><RemoveButton item={item} showOwner /></TableTd>
          </TableTr>
        ))}
      </TableTbody>
    </Table>
  );
}
