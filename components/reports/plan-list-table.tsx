"use client";

import { Table, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { PlainCell, PlainRow } from "@/components/ui/plain-table";
import { unlinkedReasonMessage, type UnlinkedReason } from "@/lib/domain/reports/plan-list-reasons";
import { PLAN_LIST_COLUMNS, type PlanList, type PlanListRow, type PlanListSort } from "@/lib/domain/reports/plan-lists";

const HEADERS: Record<PlanListSort, string> = {
  entity: "col_entity",
  position: "col_position",
  person: "col_person",
  function: "col_function",
  grade: "col_grade",
  unit: "col_unit",
  fte: "col_fte",
  occupied: "col_occupied",
  detail: "col_reason",
};
const RIGHT: readonly PlanListSort[] = ["fte", "occupied"];

/**
 * One page of a list of the personnel plan; the columns depend on the list. Sorted on the server
 * over the whole list: each header is a link that sorts on its column (again: the other way), with
 * `aria-sort` on the header cell. `query` holds the list and date the links keep.
 */
export function PlanListTable({
  rows,
  list,
  label,
  sort,
  dir,
  query,
}: {
  rows: PlanListRow[];
  list: PlanList;
  label: string;
  sort: PlanListSort;
  dir: "asc" | "desc";
  query: string;
}) {
  const t = useTranslations("planLists");
  const tStep1 = useTranslations("step1");
  const tTable = useTranslations("table");
  const format = useFormatter();
  const fte = (n: number | null) => (n === null ? "" : format.number(n, { maximumFractionDigits: 3 }));
  const columns = PLAN_LIST_COLUMNS[list];
  const header = (column: PlanListSort) => t((column === "detail" && list === "mismatch" ? "col_difference" : HEADERS[column]) as "col_entity");
  const reason = (code: string | null) => {
    if (!code) return "";
    const { namespace, key } = unlinkedReasonMessage(code as UnlinkedReason);
    return namespace === "planLists" ? t(key as "col_entity") : tStep1(key as "title");
  };
  const cell = (row: PlanListRow, column: PlanListSort) => {
    switch (column) {
      case "entity":
        return row.entity;
      case "position":
        return row.positionNumber ?? "";
      case "person":
        return row.person ?? "";
      case "function":
        return row.functionCode ?? "";
      case "grade":
        return row.gradeCode ?? "";
      case "unit":
        return row.unitCode ?? "";
      case "fte":
        return fte(row.fte);
      case "occupied":
        return fte(row.occupiedFte);
      case "detail":
        return list === "unlinked" ? reason(row.detail) : (row.detail ?? "");
    }
  };
  const sortHref = (column: PlanListSort) => {
    const next = new URLSearchParams(query);
    next.set("sort", column);
    next.set("dir", column === sort && dir === "asc" ? "desc" : "asc");
    return `?${next.toString()}`;
  };

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover withTableBorder aria-label={label}>
        <VisuallyHidden component="caption">{label}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th
                key={column}
                scope="col"
                ta={RIGHT.includes(column) ? "right" : "left"}
                aria-sort={column === sort ? (dir === "asc" ? "ascending" : "descending") : "none"}
              >
                <UnstyledButton component={Link} href={sortHref(column)} fw={700} fz="sm">
                  {header(column)}
                  <span aria-hidden="true"> {column === sort ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
                  <VisuallyHidden>{tTable("sortHint")}</VisuallyHidden>
                </UnstyledButton>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <PlainRow key={index} striped hover>
              {columns.map((column) => (
                <PlainCell key={column} align={RIGHT.includes(column) ? "right" : undefined}>
                  {cell(row, column)}
                </PlainCell>
              ))}
            </PlainRow>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" ta="center" py="md">
                  {t("empty")}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
