"use client";

import { Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PlainCell, PlainRow } from "@/components/ui/plain-table";

export type { ColumnDef };

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData, TValue> {
    align?: "left" | "right";
  }
}

interface DataTableProps<Row> {
  /** Accessible name of the table (also rendered as a hidden caption). */
  label: string;
  data: Row[];
  columns: ColumnDef<Row, any>[];
  getRowId?: (row: Row) => string;
  initialSorting?: SortingState;
  emptyText: string;
}

/**
 * A table built on TanStack Table and Mantine's Table, with real column headers: sortable
 * columns get `aria-sort` and a button inside the header cell, so screen readers announce
 * both the column and its sort order, and keyboard users sort with Enter or Space.
 */
export function DataTable<Row>({ label, data, columns, getRowId, initialSorting = [], emptyText }: DataTableProps<Row>) {
  const t = useTranslations("table");
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover withTableBorder aria-label={label}>
        <VisuallyHidden component="caption">{label}</VisuallyHidden>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const title = flexRender(header.column.columnDef.header, header.getContext());
                const align = header.column.columnDef.meta?.align ?? "left";
                if (!header.column.getCanSort()) {
                  return (
                    <Table.Th key={header.id} scope="col" ta={align}>
                      {title}
                    </Table.Th>
                  );
                }
                return (
                  <Table.Th
                    key={header.id}
                    scope="col"
                    ta={align}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
                  >
                    <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={700} fz="sm">
                      {title}
                      <span aria-hidden="true"> {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      <VisuallyHidden>{t("sortHint")}</VisuallyHidden>
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <PlainRow key={row.id} striped hover>
              {row.getVisibleCells().map((cell) => (
                <PlainCell key={cell.id} align={cell.column.columnDef.meta?.align}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </PlainCell>
              ))}
            </PlainRow>
          ))}
          {table.getRowModel().rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" ta="center" py="md">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
