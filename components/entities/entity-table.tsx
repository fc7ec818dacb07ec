"use client";

import { Anchor, Badge, Stack, TextInput } from "@mantine/core";
import { DataTable, type DataTableColumn, type DataTableSortStatus } from "mantine-datatable";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { EntityOverviewRow } from "@/lib/domain/entities/queries";
import { StepStateBadge } from "./step-state-badge";

type Column = "policyArea" | "type" | "relations" | "onboarding" | "positions" | "positionFte" | "occupiedFte" | "vacantFte";

export function EntityTable({ rows, columns, caption }: { rows: EntityOverviewRow[]; columns: Column[]; caption: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const [query, setQuery] = useState("");
  const [sortStatus, setSortStatus] = useState<DataTableSortStatus<EntityOverviewRow>>({ columnAccessor: "name", direction: "asc" });

  const records = useMemo(() => {
    const q = query.trim().toLowerCase();
    const filtered = q
      ? rows.filter((r) => [r.name, r.code, r.policyAreaCode, r.policyAreaName].some((v) => v.toLowerCase().includes(q)))
      : rows;
    const key = sortStatus.columnAccessor as keyof EntityOverviewRow;
    const sorted = [...filtered].sort((a, b) => {
      const x = a[key];
      const y = b[key];
      return typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "nl");
    });
    return sortStatus.direction === "desc" ? sorted.reverse() : sorted;
  }, [rows, query, sortStatus]);

  const fte = (n: number) => format.number(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const all: Record<Column, DataTableColumn<EntityOverviewRow>> = {
    policyArea: { accessor: "policyAreaCode", title: t("entity.policyArea"), sortable: true },
    type: { accessor: "type", title: t("entity.type"), sortable: true, render: (r) => <Badge variant="outline">{t(`entityType.${r.type}`)}</Badge> },
    relations: { accessor: "relationCount", title: t("entity.relations"), sortable: true, textAlign: "right", render: (r) => format.number(r.relationCount) },
    onboarding: {
      accessor: "currentStep",
      title: t("entity.onboarding"),
      sortable: true,
      render: (r) => (
        <span>
          {t("steps.label", { step: Math.min(r.currentStep, 6) })} <StepStateBadge state={r.currentState} />
        </span>
      ),
    },
    positions: { accessor: "positionCount", title: t("entity.positions"), sortable: true, textAlign: "right", render: (r) => format.number(r.positionCount) },
    positionFte: { accessor: "positionFte", title: t("entity.positionFte"), sortable: true, textAlign: "right", render: (r) => fte(r.positionFte) },
    occupiedFte: { accessor: "occupiedFte", title: t("entity.occupiedFte"), sortable: true, textAlign: "right", render: (r) => fte(r.occupiedFte) },
    vacantFte: {
      accessor: "vacantFte",
      title: t("entity.vacantFte"),
      textAlign: "right",
      render: (r) => fte(Math.max(r.positionFte - r.occupiedFte, 0)),
    },
  };

  return (
    <Stack gap="sm">
      <TextInput label={t("home.search")} value={query} onChange={(e) => setQuery(e.currentTarget.value)} maw={420} type="search" />
      <DataTable<EntityOverviewRow>
        aria-label={caption}
        withTableBorder
        striped
        highlightOnHover
        minHeight={records.length === 0 ? 150 : undefined}
        noRecordsText={t("home.empty")}
        records={records}
        sortStatus={sortStatus}
        onSortStatusChange={setSortStatus}
        columns={[
          {
            accessor: "name",
            title: t("entity.name"),
            sortable: true,
            render: (r) => (
              <Anchor component={Link} href={`/entities/${r.id}`}>
                {r.name} <span style={{ color: "var(--mantine-color-dimmed)" }}>({r.code})</span>
              </Anchor>
            ),
          },
          ...columns.map((c) => all[c]),
        ]}
      />
    </Stack>
  );
}
