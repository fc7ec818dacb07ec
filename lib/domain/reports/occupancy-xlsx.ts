import { formatDutchDate } from "@/lib/dates";
import type { TableSheet } from "@/lib/excel/write-table";
import type { OccupancyTotals } from "./occupancy-rules";
import type { OccupancyChange, OccupancyComparison, OccupancyDimension, OccupancyGroup } from "./occupancy-report";

/** A translator of the "reports" messages, in the language of the download. */
export type ReportsTranslator = (key: string, values?: Record<string, string | number>) => string;

// A change is written with its sign, as on the page: + more, − fewer.
const SIGNED_COUNT = "+0;-0;0";
const SIGNED_FTE = "+0.0##;-0.0##;0.0";

/**
 * The needs-against-occupancy report as workbook sheets: the groups of the page with the totals as
 * the last line, and, when a comparison date is chosen, the change per group as a sheet of its own
 * with the columns and figures of the page's comparison.
 */
export function occupancySheets(input: {
  t: ReportsTranslator;
  by: OccupancyDimension;
  date: string;
  groups: OccupancyGroup[];
  totals: OccupancyTotals;
  comparison: OccupancyComparison | null;
}): TableSheet<any>[] {
  const { t, comparison } = input;
  const rows: OccupancyGroup[] = [...input.groups, { key: "", label: t("total"), ...input.totals }];
  const sheets: TableSheet<any>[] = [
    {
      sheetName: t("sheetReport"),
      frozenColumns: 1,
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
  if (comparison) {
    sheets.push({
      sheetName: t("sheetChange"),
      frozenColumns: 1,
      title: t("changeTitle", { from: formatDutchDate(comparison.from), to: formatDutchDate(comparison.to) }),
      columns: [
        { header: t("group"), width: 40, value: (c: OccupancyChange) => c.label },
        { header: t("positions"), width: 14, numFmt: SIGNED_COUNT, value: (c: OccupancyChange) => c.positions },
        { header: t("fte"), width: 14, numFmt: SIGNED_FTE, value: (c: OccupancyChange) => c.fte },
        { header: t("occupiedFte"), width: 14, numFmt: SIGNED_FTE, value: (c: OccupancyChange) => c.occupiedFte },
        { header: t("vacantFte"), width: 14, numFmt: SIGNED_FTE, value: (c: OccupancyChange) => c.vacantFte },
      ],
      rows: comparison.changes,
    });
  }
  return sheets;
}
