"use client";

import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type ColumnDef } from "@/components/data-table/data-table";
import type { OccupancyGroup } from "@/lib/domain/reports/occupancy-report";

/** The report's groups with their figures, sortable; the last line holds the totals. */
export function OccupancyTable({ groups, label }: { groups: OccupancyGroup[]; label: string }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const fte = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const right = { align: "right" as const };
  const columns: ColumnDef<OccupancyGroup, any>[] = [
    { id: "label", accessorKey: "label", header: t("group") },
    { id: "positions", accessorKey: "positions", header: t("positions"), meta: right, cell: ({ getValue }) => format.number(getValue()) },
    { id: "fte", accessorKey: "fte", header: t("fte"), meta: right, cell: ({ getValue }) => fte(getValue()) },
    { id: "occupiedFte", accessorKey: "occupiedFte", header: t("occupiedFte"), meta: right, cell: ({ getValue }) => fte(getValue()) },
    { id: "vacantFte", accessorKey: "vacantFte", header: t("vacantFte"), meta: right, cell: ({ getValue }) => fte(getValue()) },
    { id: "overOccupied", accessorKey: "overOccupied", header: t("overOccupied"), meta: right, cell: ({ getValue }) => format.number(getValue()) },
    { id: "frozen", accessorKey: "frozen", header: t("frozen"), meta: right, cell: ({ getValue }) => format.number(getValue()) },
  ];
  return <DataTable label={label} data={groups} columns={columns} getRowId={(g) => g.key} emptyText={t("empty")} />;
}
