import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ColumnSpec } from "@/lib/excel/read/match-headers";
import { PERSONNEL_COLUMNS } from "@/lib/domain/personnel/personnel-list-format";
import { TEMPLATE_COLUMNS } from "@/lib/domain/step3/template-format";
import { CONTROL_REPORT_COLUMNS } from "@/lib/domain/step4/control-report-format";
import { REFERENCE_KIND_KEYS, REFERENCE_KINDS } from "./reference-kinds";

/** docs/formats.md is what users read: every header and alternative name the code accepts must be in it. */
describe("docs/formats.md", () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, "../../../docs/formats.md"), "utf8");
  // A "### " section ends at the next heading of either level.
  const sections = doc.split(/^### /m).map((s) => s.split(/^## /m)[0]!);
  const tableRows = (section: string) => section.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| column"));

  it.each(REFERENCE_KIND_KEYS)("documents every column of %s with its alternative names", (key) => {
    const kind = REFERENCE_KINDS[key];
    const section = sections.find((s) => s.startsWith(kind.sheetName));
    expect(section, `section "### ${kind.sheetName}"`).toBeDefined();
    const rows = tableRows(section!);
    expect(rows.map((r) => r.split("|")[1]!.trim())).toEqual(kind.fields.map((f) => f.header));
    for (const field of kind.fields) {
      const row = rows.find((r) => r.split("|")[1]!.trim() === field.header)!;
      for (const alias of field.aliases ?? []) expect(row.split("|")[2], `${field.header}: ${alias}`).toContain(alias);
    }
  });

  const formats: [string, readonly ColumnSpec[]][] = [
    ["Personeelslijst", PERSONNEL_COLUMNS],
    ["Arbeidsplaatssjabloon", TEMPLATE_COLUMNS],
    ["Controlerapport", CONTROL_REPORT_COLUMNS],
  ];
  it.each(formats)("documents every column of the %s with its alternative names", (title, columns) => {
    const section = doc.split(/^## /m).find((s) => s.startsWith(title));
    expect(section, `section "## ${title}"`).toBeDefined();
    const rows = tableRows(section!);
    expect(rows.map((r) => r.split("|")[1]!.trim())).toEqual(columns.map((c) => c.header));
    for (const column of columns) {
      const row = rows.find((r) => r.split("|")[1]!.trim() === column.header)!;
      for (const alias of column.aliases ?? []) expect(row.split("|")[2], `${column.header}: ${alias}`).toContain(alias);
    }
  });
});
