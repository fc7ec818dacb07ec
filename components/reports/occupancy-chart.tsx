"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OccupancyGroup } from "@/lib/domain/reports/occupancy-report";

const SHOWN = 25;

/**
 * Needed FTE against occupied FTE per group, as bars (the groups with the most FTE). The table
 * below it carries the same figures for screen readers and keyboard users, so the chart is hidden
 * from assistive technology.
 */
export function OccupancyChart({ groups }: { groups: OccupancyGroup[] }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const data = [...groups].sort((a, b) => b.fte - a.fte).slice(0, SHOWN);
  const number = (value: unknown) => format.number(Number(value), { maximumFractionDigits: 1 });
  return (
    <div aria-hidden="true" style={{ width: "100%", height: 340 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 64, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="key" angle={-40} textAnchor="end" interval={0} height={70} tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={number} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(value) => number(value)} labelFormatter={(key) => data.find((g) => g.key === key)?.label ?? String(key)} />
          <Legend verticalAlign="top" />
          <Bar dataKey="fte" name={t("fte")} fill="var(--mantine-color-blue-6)" isAnimationActive={false} />
          <Bar dataKey="occupiedFte" name={t("occupiedFte")} fill="var(--mantine-color-teal-6)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
