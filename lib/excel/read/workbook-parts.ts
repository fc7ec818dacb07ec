/**
 * Just enough of workbook.xml and its relationships to find sheets, the date system and the
 * defined names, without a DOM. Prefixed tags (`<x:sheet>`) occur in files from some tools.
 */
export interface SheetRef {
  name: string;
  /** Zip part of the sheet, e.g. "xl/worksheets/sheet1.xml"; undefined when it cannot be resolved. */
  path: string | undefined;
  hidden: boolean;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  definedNames: number;
  /** ISO/IEC 29500 Strict, which exceljs cannot read. */
  strict: boolean;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttributes(tagBody: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tagBody.matchAll(ATTRIBUTE)) {
    attributes.set(match[1]!, decodeXml(match[2] ?? match[3] ?? ""));
  }
  return attributes;
}

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower] ?? "";
  });
}

function tags(xml: string, localName: string): Map<string, string>[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}\\b([^>]*)>`, "g");
  return Array.from(xml.matchAll(pattern), (match) => parseAttributes(match[1] ?? ""));
}

/** Relationship id -> target part, resolved against xl/. */
export function parseWorkbookRels(relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const rel of tags(relsXml, "Relationship")) {
    const id = rel.get("Id");
    const target = rel.get("Target");
    if (id && target && rel.get("TargetMode") !== "External") targets.set(id, resolvePart("xl/", target));
  }
  return targets;
}

function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

export function parseWorkbook(workbookXml: string, rels: Map<string, string>): WorkbookInfo {
  const sheets = tags(workbookXml, "sheet").map((attributes) => {
    const relId = [...attributes].find(([key]) => key.endsWith(":id"))?.[1];
    const state = attributes.get("state");
    return {
      name: attributes.get("name") ?? "",
      path: relId ? rels.get(relId) : undefined,
      hidden: state === "hidden" || state === "veryHidden",
    };
  });
  const workbookPr = tags(workbookXml, "workbookPr")[0];
  const date1904 = workbookPr?.get("date1904");
  return {
    sheets,
    date1904: date1904 === "1" || date1904 === "true",
    definedNames: countDefinedNames(workbookXml),
    strict: workbookXml.includes("purl.oclc.org/ooxml/spreadsheetml"),
  };
}

export function countDefinedNames(workbookXml: string): number {
  return workbookXml.match(/<(?:[\w.-]+:)?definedName\b/g)?.length ?? 0;
}

/** Rows and columns a worksheet declares in `<dimension ref="A1:F200"/>`, if it does. */
export function parseDimension(sheetXmlStart: string): { rows: number; columns: number } | undefined {
  const match = /<(?:[\w.-]+:)?dimension\b[^>]*\bref\s*=\s*["']([^"']+)["']/.exec(sheetXmlStart);
  if (!match) return undefined;
  const last = match[1]!.split(":").pop()!;
  const cell = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})$/.exec(last.trim());
  if (!cell) return undefined;
  return { rows: Number(cell[2]), columns: columnNumber(cell[1]!) };
}

/** "A" -> 1, "XFD" -> 16384. */
export function columnNumber(letters: string): number {
  let result = 0;
  for (const char of letters.toUpperCase()) result = result * 26 + (char.charCodeAt(0) - 64);
  return result;
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
