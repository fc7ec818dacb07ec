"use client";

import { Alert, Button, Group, Modal, NumberInput, Stack, Table, TableTbody, TableTd, TableTh, TableThead, TableTr, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ActionError } from "@/components/ui/action-error";
import { AnchorLink } from "@/components/ui/anchor-link";
import { cancelSlotAction, chooseSlotAction, createSlotAction, deleteSlotAction, setDeadlineAction, updateSlotAction } from "@/lib/domain/planning/planning-actions";
import type { SlotWithBookings } from "@/lib/domain/planning/planning-store";
import { slotHasStarted, type BookingRefusal } from "@/lib/domain/planning/schedule-rules";

export function useMonthLabel() {
  const format = useFormatter();
  return (month: string) => format.dateTime(new Date(`${month}T12:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" });
}

function fieldError(errors: { fieldErrors?: Record<string, string[] | undefined> } | undefined, field: string) {
  return errors?.fieldErrors?.[field]?.[0];
}

/** The deadline by which every entity must be onboarded (central experts). */
export function DeadlineForm({ deadline }: { deadline: string | null }) {
  const t = useTranslations("planning");
  const router = useRouter();
  const [value, setValue] = useState(deadline ?? "");
  const save = useAction(setDeadlineAction, { onSuccess: () => router.refresh() });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.execute({ deadline: value === "" ? null : value });
  }
  return (
    <form onSubmit={submit}>
      <Group align="end" gap="sm">
        <TextInput type="date" label={t("deadline")} value={value} onChange={(e) => setValue(e.currentTarget.value)} w={220}
          error={fieldError(save.result.validationErrors, "deadline")} />
        <Button type="submit" variant="default" loading={save.isPending}>{value === "" ? t("clearDeadline") : t("saveDeadline")}</Button>
        <Text size="sm" role="status">{save.hasSucceeded ? t("deadlineSaved") : ""}</Text>
      </Group>
      <ActionError error={save.result.serverError} />
    </form>
  );
}

/** A new slot: a month, its places and an optional note (central experts). */
export function NewSlotForm() {
  const t = useTranslations("planning");
  const router = useRouter();
  const [month, setMonth] = useState("");
  const [capacity, setCapacity] = useState<number | string>(3);
  const [note, setNote] = useState("");
  const create = useAction(createSlotAction, {
    onSuccess: () => {
      setMonth("");
      setNote("");
      router.refresh();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.execute({ month, capacity: Number(capacity), note });
  }
  return (
    <form onSubmit={submit} aria-labelledby="new-slot-title">
      <Stack gap="sm" maw={640}>
        <Group align="start" gap="sm">
          <TextInput type="month" label={t("monthInput")} placeholder="2027-03" value={month} onChange={(e) => setMonth(e.currentTarget.value)} required w={200}
            error={fieldError(create.result.validationErrors, "month")} />
          <NumberInput label={t("capacity")} value={capacity} onChange={setCapacity} min={1} max={200} allowDecimal={false} required w={120}
            error={fieldError(create.result.validationErrors, "capacity")} />
          <TextInput label={t("note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={280}
            error={fieldError(create.result.validationErrors, "note")} />
        </Group>
        <Group>
          <Button type="submit" loading={create.isPending}>{t("addSlot")}</Button>
          <Text size="sm" role="status">{create.hasSucceeded ? t("slotAdded") : ""}</Text>
        </Group>
        <ActionError error={create.result.serverError} />
      </Stack>
    </form>
  );
}

function EditSlotButton({ slot }: { slot: SlotWithBookings }) {
  const t = useTranslations("planning");
  const monthLabel = useMonthLabel();
  const router = useRouter();
  const [opened, { open, close }] = useDisclosure(false);
  const [capacity, setCapacity] = useState<number | string>(slot.capacity);
  const [note, setNote] = useState(slot.note ?? "");
  const update = useAction(updateSlotAction, { onSuccess: () => { close(); router.refresh(); } });
  const remove = useAction(deleteSlotAction, { onSuccess: () => { close(); router.refresh(); } });
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={open} aria-label={`${t("edit")}: ${monthLabel(slot.month)}`}>{t("edit")}</Button>
      <Modal opened={opened} onClose={close} title={`${t("edit")}: ${monthLabel(slot.month)}`}>
        <form onSubmit={(e) => { e.preventDefault(); update.execute({ slotId: slot.id, capacity: Number(capacity), note }); }}>
          <Stack>
            <NumberInput label={t("capacity")} value={capacity} onChange={setCapacity} min={1} max={200} allowDecimal={false} required
              error={fieldError(update.result.validationErrors, "capacity")} />
            <TextInput label={t("note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <ActionError error={update.result.serverError ?? remove.result.serverError} />
            <Group justify="space-between">
              {slot.booked === 0 ? (
                <Button color="red" variant="light" loading={remove.isPending} onClick={() => remove.execute({ slotId: slot.id })}>{t("delete")}</Button>
              ) : <span />}
              <Group>
                <Button variant="default" onClick={close}>{t("cancel")}</Button>
                <Button type="submit" loading={update.isPending}>{t("save")}</Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The slots per month with their places; who booked each is shown to those who may see every entity. */
export function SlotsTable({ slots, today, canManage, caption }: { slots: SlotWithBookings[]; today: string; canManage: boolean; caption: string }) {
  const t = useTranslations("planning");
  const monthLabel = useMonthLabel();
  if (slots.length === 0) return <Text>{t("noSlots")}</Text>;
  return (
    <Table withTableBorder striped>
      <VisuallyHidden component="caption">{caption}</VisuallyHidden>
      <TableThead>
        <TableTr>
          <TableTh scope="col">{t("month")}</TableTh>
          <TableTh scope="col" ta="right">{t("capacity")}</TableTh>
          <TableTh scope="col" ta="right">{t("booked")}</TableTh>
          <TableTh scope="col" ta="right">{t("left")}</TableTh>
          <TableTh scope="col">{t("entities")}</TableTh>
          <TableTh scope="col">{t("note")}</TableTh>
          {canManage && <TableTh scope="col"><VisuallyHidden>{t("edit")}</VisuallyHidden></TableTh>}
        </TableTr>
      </TableThead>
      <TableTbody>
        {slots.map((slot) => {
          const left = Math.max(slot.capacity - slot.booked, 0);
          return (
            <TableTr key={slot.id}>
              <TableTh scope="row" fw={500}>
                {monthLabel(slot.month)}
                {slotHasStarted(slot.month, today) && <Text span size="xs" c="dimmed"> ({t("started")})</Text>}
              </TableTh>
              <TableTd ta="right">{slot.capacity}</TableTd>
              <TableTd ta="right">{slot.booked}</TableTd>
              <TableTd ta="right">{left === 0 ? <Text span size="sm" c="red" fw={700}>{t("full")}</Text> : left}</TableTd>
              <TableTd>
                {slot.entities.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 && ", "}
                    <AnchorLink href={`/entities/${e.id}`}>{e.code}</AnchorLink>
                  </span>
                ))}
              </TableTd>
              <TableTd>{slot.note}</TableTd>
              {canManage && <TableTd><EditSlotButton slot={slot} /></TableTd>}
            </TableTr>
          );
        })}
      </TableTbody>
    </Table>
  );
}

/**
 * An entity's slot: the one it holds, and a choice among the others. Which slots may be taken is
 * decided by the planning rules on the server (`entityPlanning`); full and too-late ones are shown
 * disabled, started ones not at all.
 */
export function EntitySlotChooser({
  entityId,
  current,
  locked,
  slots,
  canChoose,
}: {
  entityId: string;
  current: { id: string; month: string } | null;
  locked: boolean;
  slots: { id: string; month: string; capacity: number; booked: number; refusal: BookingRefusal | null }[];
  canChoose: boolean;
}) {
  const t = useTranslations("planning");
  const monthLabel = useMonthLabel();
  const router = useRouter();
  const choose = useAction(chooseSlotAction, { onSuccess: () => router.refresh() });
  const cancel = useAction(cancelSlotAction, { onSuccess: () => router.refresh() });
  const offered = slots.filter((s) => s.id !== current?.id && s.refusal !== "slot_started");
  const [slotId, setSlotId] = useState("");
  return (
    <Stack gap="sm" maw={640}>
      <Text>{current ? t("entityCurrent", { month: monthLabel(current.month) }) : t("entityNone")}</Text>
      {locked && <Alert color="blue">{t("entityLocked")}</Alert>}
      {canChoose && !locked && (
        <>
          {offered.every((s) => s.refusal !== null) ? (
            <Text c="dimmed">{t("noFreeSlots")}</Text>
          ) : (
            <form onSubmit={(e) => { e.preventDefault(); if (slotId) choose.execute({ entityId, slotId }); }}>
              <Stack gap="xs">
                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend style={{ fontWeight: 600, marginBottom: 4 }}>{t("entityChoose")}</legend>
                  <Stack gap={4}>
                    {offered.map((s) => (
                      <label key={s.id} style={{ display: "flex", gap: 8, alignItems: "center", opacity: s.refusal ? 0.6 : 1 }}>
                        <input type="radio" name="slot" value={s.id} checked={slotId === s.id} disabled={s.refusal !== null} onChange={() => setSlotId(s.id)} />
                        {t("placesLeft", { month: monthLabel(s.month), left: Math.max(s.capacity - s.booked, 0) })}
                        {s.refusal === "after_deadline" && ` (${t("afterDeadline")})`}
                      </label>
                    ))}
                  </Stack>
                </fieldset>
                <Group>
                  <Button type="submit" loading={choose.isPending} disabled={!slotId}>{current ? t("entityChangeButton") : t("entityChooseButton")}</Button>
                  {current && <Button variant="default" loading={cancel.isPending} onClick={() => cancel.execute({ entityId })}>{t("entityCancelButton")}</Button>}
                </Group>
              </Stack>
            </form>
          )}
          <Text size="sm" role="status">
            {choose.result.data ? t("entityChosen", { month: monthLabel(choose.result.data.month) }) : cancel.hasSucceeded ? t("entityCancelled") : ""}
          </Text>
          <ActionError error={choose.result.serverError ?? cancel.result.serverError} />
        </>
      )}
    </Stack>
  );
}
