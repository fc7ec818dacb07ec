"use client";

import { Badge } from "@mantine/core";
import { useTranslations } from "next-intl";
import { DataTable, type ColumnDef } from "@/components/data-table/data-table";
import type { StoredProblem } from "@/db/schema";

/** The problems of an upload, by row and column, errors in red and warnings in yellow. */
export function ProblemsTable({ problems, label }: { problems: StoredProblem[]; label: string }) {
  const t = useTranslations("imports");
  const columns: ColumnDef<StoredProblem, any>[] = [
    { id: "row", accessorKey: "rowNumber", header: t("row"), meta: { align: "right" } },
    { id: "column", accessorFn: (p) => p.columnLabel ?? (p.column ? columnLetter(p.column) : "—"), header: t("column") },
    {
      id: "severity",
      accessorKey: "severity",
      header: t("severity"),
      cell: ({ row }) => (
        <Badge color={row.original.severity === "error" ? "red" : "yellow"} variant="light">
          {t(`severity_${row.original.severity}`)}
        </Badge>
      ),
    },
    { id: "message", accessorKey: "message", header: t("message"), enableSorting: false },
  ];
  return <DataTable label={label} data={problems} columns={columns} emptyText="—" />;
}

function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
