import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERSONNEL_COLUMNS } from "@/lib/domain/personnel/personnel-list-format";
import { REFERENCE_KIND_KEYS, REFERENCE_KINDS } from "./reference-kinds";

/** docs/formats.md is what users read: every header and alternative name the code accepts must be in it. */
describe("docs/formats.md", () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, "../../../docs/formats.md"), "utf8");
  const sections = doc.split(/^### /m);
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

  it("documents every column of the personnel list with its alternative names", () => {
    const section = doc.split(/^## /m).find((s) => s.startsWith("Personeelslijst"))!;
    const rows = tableRows(section);
    expect(rows.map((r) => r.split("|")[1]!.trim())).toEqual(PERSONNEL_COLUMNS.map((c) => c.header));
    for (const column of PERSONNEL_COLUMNS) {
      const row = rows.find((r) => r.split("|")[1]!.trim() === column.header)!;
      for (const alias of "aliases" in column ? column.aliases : []) expect(row.split("|")[2], `${column.header}: ${alias}`).toContain(alias);
    }
  });
});
