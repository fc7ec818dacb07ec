import { formatDutchDate } from "@/lib/dates";
import type { TableSheet } from "@/lib/excel/write-table";
import type { OccupancyTotals } from "./occupancy-rules";
import type { OccupancyDimension, OccupancyGroup } from "./occupancy-report";

/** A translator of the "reports" messages, in the language of the download. */
export type ReportsTranslator = (key: string, values?: Record<string, string | number>) => string;

/** The needs-against-occupancy report as workbook sheets: the groups of the page, with the totals as the last line. */
export function occupancySheets(input: {
  t: ReportsTranslator;
  by: OccupancyDimension;
  date: string;
  groups: OccupancyGroup[];
  totals: OccupancyTotals;
}): TableSheet<any>[] {
  const { t } = input;
  const rows: OccupancyGroup[] = [...input.groups, { key: "", label: t("total"), ...input.totals }];
  return [
    {
      sheetName: "Bezetting",
      title: `${t("title")} – ${t(`by_${input.by}`)} – ${formatDutchDate(input.date)}`,
      columns: [
        { header: t("group"), width: 40, value: (g: OccupancyGroup) => g.label },
        { header: t("positions"), width: 14, value: (g: OccupancyGroup) => g.positions },
        { header: t("fte"), width: 14, numFmt: "0.0##", value: (g: OccupancyGroup) => g.fte },
        { header: t("occupiedFte"), width: 14, numFmt: "0.0##", value: (g: OccupancyGroup) => g.occupiedFte },
        { header: t("vacantFte"), width: 14, numFmt: "0.0##", value: (g: OccupancyGroup) => g.vacantFte },
        { header: t("overOccupied"), width: 16, value: (g: OccupancyGroup) => g.overOccupied },
        { header: t("frozen"), width: 14, value: (g: OccupancyGroup) => g.frozen },
      ],
      rows,
    },
  ];
}
