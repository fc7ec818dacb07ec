"use client";

import { useFormatter, useTranslations } from "next-intl";
import { DataTable, type ColumnDef } from "@/components/data-table/data-table";
import type { PlanList, PlanListRow } from "@/lib/domain/reports/plan-lists";

/** One list of the personnel plan, sortable; the columns depend on the list. */
export function PlanListTable({ rows, list, label }: { rows: PlanListRow[]; list: PlanList; label: string }) {
  const t = useTranslations("planLists");
  const tReasons = useTranslations("step1");
  const format = useFormatter();
  const fte = (n: number | null) => (n === null ? "" : format.number(n, { maximumFractionDigits: 3 }));
  const right = { align: "right" as const };
  const detail = (row: PlanListRow) => (list === "unlinked" && row.detail ? (tReasons.has(`reason_${row.detail}` as "title") ? tReasons(`reason_${row.detail}` as "title") : t("afterRun")) : (row.detail ?? ""));
  const columns: ColumnDef<PlanListRow, any>[] = [
    { id: "entity", accessorKey: "entity", header: t("col_entity") },
    ...(list === "unlinked" ? [] : [{ id: "position", accessorKey: "positionNumber", header: t("col_position") } as ColumnDef<PlanListRow, any>]),
    ...(list === "unlinked" || list === "mismatch" ? [{ id: "person", accessorKey: "person", header: t("col_person") } as ColumnDef<PlanListRow, any>] : []),
    { id: "function", accessorKey: "functionCode", header: t("col_function") },
    { id: "grade", accessorKey: "gradeCode", header: t("col_grade") },
    { id: "unit", accessorKey: "unitCode", header: t("col_unit") },
    { id: "fte", accessorKey: "fte", header: t("col_fte"), meta: right, cell: ({ getValue }) => fte(getValue()) },
    ...(list === "vacant" || list === "frozen" ? [{ id: "occupied", accessorKey: "occupiedFte", header: t("col_occupied"), meta: right, cell: ({ getValue }) => fte(getValue()) } as ColumnDef<PlanListRow, any>] : []),
    ...(list === "unlinked" || list === "mismatch" ? [{ id: "detail", accessorFn: detail, header: t(list === "unlinked" ? "col_reason" : "col_difference") } as ColumnDef<PlanListRow, any>] : []),
  ];
  return <DataTable label={label} data={rows} columns={columns} emptyText={t("empty")} />;
}
