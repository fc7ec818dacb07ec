"use client";

import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useAction } from "next-safe-action/hooks";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { ControlRowView } from "@/lib/domain/step5/control-queries";
import { assignableRelationsAction, assignOnlineAction } from "@/lib/domain/step5/step5-actions";
import { ActionError } from "@/components/ui/action-error";

const VACANT = "vacant";

/**
 * Chooses who goes into one position: a searchable list of the entity's relations that are not
 * linked and not chosen for another position (searched on the server as one types), or vacant.
 */
export function AssignDialog({ entityId, row, onDone }: { entityId: string; row: ControlRowView; onDone: (saved: boolean) => void }) {
  const t = useTranslations("step5");
  const format = useFormatter();
  const current = row.assigned ? `${row.assigned.vlimpers}/${row.assigned.relationNumber}` : VACANT;
  const [value, setValue] = useState<string>(current);
  const [search, setSearch] = useState("");
  const [query] = useDebouncedValue(search, 250);
  const options = useAction(assignableRelationsAction);
  const save = useAction(assignOnlineAction, { onSuccess: ({ data }) => data?.ok && onDone(true) });
  useEffect(() => options.execute({ entityId, query }), [options.execute, entityId, query]);

  const found = (options.result.data ?? []).map((r) => ({
    value: `${r.vlimpers}/${r.relationNumber}`,
    label: `${r.name} – ${r.vlimpers}/${r.relationNumber} – ${format.number(r.fte, { maximumFractionDigits: 3 })} ${t("fte")}`,
  }));
  const data = [
    { value: VACANT, label: t("vacant") },
    ...(row.assigned ? [{ value: current, label: `${row.assigned.name} – ${current}` }] : []),
    ...found.filter((o) => o.value !== current),
  ];
  const refused = save.result.data && !save.result.data.ok ? save.result.data.message : undefined;

  function submit() {
    const [vlimpers, relation] = value === VACANT ? ["", null] : value.split("/");
    save.execute({
      entityId,
      requestId: row.requestId,
      expectedRevision: row.revision,
      assignment: { vlimpers: vlimpers ?? "", relationNumber: relation ? Number(relation) : null },
    });
  }

  return (
    <Stack gap="sm">
      <Text size="sm">{t("assignIntro", { number: row.positionNumber, fte: format.number(row.fte, { maximumFractionDigits: 3 }) })}</Text>
      {row.requestedFor && <Text size="sm" c="dimmed">{t("requestedFor", { who: row.requestedFor })}</Text>}
      <Select
        label={t("person")}
        description={t("personHint")}
        data={data}
        value={value}
        onChange={(next) => setValue(next ?? VACANT)}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        nothingFoundMessage={t("nothingFound")}
        error={refused}
      />
      <ActionError error={save.result.serverError ?? options.result.serverError} />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => onDone(false)}>
          {t("cancel")}
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          {t("save")}
        </Button>
      </Group>
    </Stack>
  );
}
