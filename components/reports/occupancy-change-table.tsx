"use client";

import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type ColumnDef } from "@/components/data-table/data-table";
import type { OccupancyChange } from "@/lib/domain/reports/occupancy-report";

/** What changed per group between two dates, with a sign (+ more, − fewer). */
export function OccupancyChangeTable({ changes, label }: { changes: OccupancyChange[]; label: string }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const signed = (n: number, digits: number) => format.number(n, { maximumFractionDigits: digits, minimumFractionDigits: digits, signDisplay: "exceptZero" });
  const right = { align: "right" as const };
  const columns: ColumnDef<OccupancyChange, any>[] = [
    { id: "label", accessorKey: "label", header: t("group") },
    { id: "positions", accessorKey: "positions", header: t("positions"), meta: right, cell: ({ getValue }) => signed(getValue(), 0) },
    { id: "fte", accessorKey: "fte", header: t("fte"), meta: right, cell: ({ getValue }) => signed(getValue(), 1) },
    { id: "occupiedFte", accessorKey: "occupiedFte", header: t("occupiedFte"), meta: right, cell: ({ getValue }) => signed(getValue(), 1) },
    { id: "vacantFte", accessorKey: "vacantFte", header: t("vacantFte"), meta: right, cell: ({ getValue }) => signed(getValue(), 1) },
  ];
  return <DataTable label={label} data={changes} columns={columns} getRowId={(c) => c.key} emptyText={t("empty")} />;
}
