"use client";

import { TextInput } from "@mantine/core";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable, type ColumnDef } from "@/components/data-table/data-table";
import type { EntityOnboardingRow, EntityOverviewRow } from "@/lib/domain/entities/queries";
import { AnchorLink } from "@/components/ui/anchor-link";
import { Stack } from "@/components/ui/page-layout";
import { PlainBadge } from "@/components/ui/plain-table";
import { StepStateBadge } from "./step-state-badge";
import { compareDutch } from "@/lib/i18n/dutch-order";

type OnboardingColumn = "policyArea" | "type" | "relations" | "onboarding";
export type EntityColumn = OnboardingColumn | "positions" | "positionFte" | "occupiedFte" | "vacantFte";
type EntityTableRow = EntityOnboardingRow & Partial<EntityOverviewRow>;

/** The figure columns only for rows that carry the figures. */
type EntityTableProps = { label: string } & ({ rows: EntityOverviewRow[]; columns: EntityColumn[] } | { rows: EntityOnboardingRow[]; columns: OnboardingColumn[] });


export function EntityTable({ rows, columns, label }: EntityTableProps) {
  const t = useTranslations();
  const format = useFormatter();
  const [query, setQuery] = useState("");

  // Either kind of row is an EntityTableRow; the union of props only ties the columns to the rows.
  const all: EntityTableRow[] = rows;
  const filtered = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return all;
    return all.filter((r) => [r.name, r.code, r.policyAreaCode, r.policyAreaName].some((v) => v.toLowerCase().includes(q)));
  }, [all, query]);

  const fte = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const right = { align: "right" as const };
  const available: Record<EntityColumn, ColumnDef<EntityTableRow, any>> = {
    policyArea: { id: "policyArea", accessorKey: "policyAreaCode", header: t("entity.policyArea") },
    type: {
      id: "type",
      accessorKey: "type",
      header: t("entity.type"),
      cell: ({ row }) => (
        <PlainBadge variant="outline" wrap>
          {t(`entityType.${row.original.type}`)}
        </PlainBadge>
      ),
    },
    relations: { id: "relations", accessorKey: "relationCount", header: t("entity.relations"), meta: right, cell: ({ getValue }) => format.number(getValue()) },
    onboarding: {
      id: "onboarding",
      accessorKey: "currentStep",
      header: t("entity.onboarding"),
      cell: ({ row }) =>
        row.original.currentStep > 6 ? (
          <PlainBadge color="green" wrap>
            {t("schedule.completed")}
          </PlainBadge>
        ) : (
          <span>
            {t("steps.label", { step: row.original.currentStep })} <StepStateBadge state={row.original.currentState} />
          </span>
        ),
    },
    positions: { id: "positions", accessorKey: "positionCount", header: t("entity.positions"), meta: right, cell: ({ getValue }) => format.number(getValue()) },
    positionFte: { id: "positionFte", accessorKey: "positionFte", header: t("entity.positionFte"), meta: right, cell: ({ getValue }) => fte(getValue()) },
    occupiedFte: { id: "occupiedFte", accessorKey: "occupiedFte", header: t("entity.occupiedFte"), meta: right, cell: ({ getValue }) => fte(getValue()) },
    vacantFte: { id: "vacantFte", accessorKey: "vacantFte", header: t("entity.vacantFte"), meta: right, cell: ({ getValue }) => fte(getValue()) },
  };
  const tableColumns: ColumnDef<EntityTableRow, any>[] = [
    {
      id: "name",
      accessorKey: "name",
      header: t("entity.name"),
      sortingFn: (a, b) => compareDutch(a.original.name, b.original.name),
      cell: ({ row }) => (
        <AnchorLink href={`/entities/${row.original.id}`}>
          {row.original.name} <span style={{ color: "var(--mantine-color-dimmed)" }}>({row.original.code})</span>
        </AnchorLink>
      ),
    },
    ...columns.map((c) => available[c]),
  ];

  return (
    <Stack gap="sm">
      <TextInput label={t("home.search")} value={query} onChange={(e) => setQuery(e.currentTarget.value)} maw={420} type="search" />
      <DataTable
        label={label}
        data={filtered}
        columns={tableColumns}
        getRowId={(r) => r.id}
        initialSorting={[{ id: "name", desc: false }]}
        emptyText={t("home.empty")}
      />
    </Stack>
  );
}
