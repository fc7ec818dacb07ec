"use client";

import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable, type ColumnDef } from "@/components/data-table/data-table";
import { setReferenceActiveAction } from "@/lib/domain/reference/reference-actions";
import { ReferenceForm } from "./reference-form";
import type { ReferenceListProps, ReferenceRow } from "./reference-types";
import { ActionError } from "@/components/ui/action-error";

/**
 * The records of one kind: searchable, sortable, and for central experts editable in a dialog
 * and (de)activated with one button. Reference lists are small (hundreds), so they filter here.
 */
export function ReferenceList(props: ReferenceListProps) {
  const { kind, entityId, fields, rows, canWrite } = props;
  const t = useTranslations("reference");
  const [query, setQuery] = useState("");
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<ReferenceRow | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggle = useAction(setReferenceActiveAction);
  const what = t(`one_${kind}` as "one_grades");

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return rows.filter(
      (row) =>
        (showInactive || row.active) &&
        (!needle || [row.code, ...Object.values(row.values)].some((v) => v?.toLowerCase().includes(needle))),
    );
  }, [rows, query, showInactive]);

  const columns: ColumnDef<ReferenceRow, any>[] = [
    { id: "code", accessorKey: "code", header: t("field_code") },
    ...fields.map(
      (field): ColumnDef<ReferenceRow, any> => ({
        id: field.key,
        accessorFn: (row) => row.values[field.key] ?? "",
        header: t(`field_${field.key}` as "field_code"),
      }),
    ),
    {
      id: "active",
      accessorKey: "active",
      header: t("field_active"),
      cell: ({ row }) => (
        <Badge color={row.original.active ? "green" : "gray"} variant="light">
          {row.original.active ? t("active") : t("inactive")}
        </Badge>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      id: "actions",
      header: t("actions"),
      enableSorting: false,
      cell: ({ row }) => (
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" variant="default" onClick={() => setEditing(row.original)} aria-label={`${t("edit")} ${row.original.code}`}>
            {t("edit")}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color={row.original.active ? "red" : "green"}
            loading={toggle.isPending && toggle.input?.id === row.original.id}
            aria-label={`${row.original.active ? t("deactivate") : t("activate")} ${row.original.code}`}
            onClick={async () => {
              const active = !row.original.active;
              const result = await toggle.executeAsync({ kind, entityId, id: row.original.id, active });
              if (result?.data?.ok) setNotice(active ? t("activated", { code: row.original.code }) : t("deactivated", { code: row.original.code }));
            }}
          >
            {row.original.active ? t("deactivate") : t("activate")}
          </Button>
        </Group>
      ),
    });
  }

  return (
    <Stack gap="sm">
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <TextInput label={t("search")} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={280} type="search" />
          <Checkbox label={t("showInactive")} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} mb={8} />
        </Group>
        {canWrite && <Button onClick={() => setEditing("new")}>{t("new", { what })}</Button>}
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t("count", { shown: shown.length, total: rows.length })}
      </Text>
      {notice && (
        <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <ActionError error={toggle.result.serverError} />
      <DataTable label={t(`kind_${kind}` as "kind_grades")} data={shown} columns={columns} getRowId={(row) => row.id} initialSorting={[{ id: "code", desc: false }]} emptyText={t("noRecords")} />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("newTitle", { what }) : editing ? t("editTitle", { code: editing.code }) : ""}
        size="lg"
      >
        {editing !== null && (
          <ReferenceForm
            {...props}
            record={editing === "new" ? undefined : editing}
            onDone={(saved) => {
              if (saved) setNotice(t("saved"));
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
