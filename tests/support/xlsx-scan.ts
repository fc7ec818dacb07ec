import JSZip from "jszip";

export interface XlsxScan {
  /** Parts with a formula (<f>) in a cell. */
  formulaParts: string[];
  /** Parts with hyperlinks (<hyperlink>, or a relationship of type hyperlink). */
  hyperlinkParts: string[];
  /** All cell text of the workbook (shared, inline and plain string cells), unescaped. */
  texts: Set<string>;
}

const unescape = (xml: string) =>
  xml.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d))).replace(/&amp;/g, "&");

/** Unzips an .xlsx and reports what a spreadsheet program would evaluate or follow. */
export async function scanXlsx(xlsx: Buffer): Promise<XlsxScan> {
  const zip = await JSZip.loadAsync(xlsx);
  const scan: XlsxScan = { formulaParts: [], hyperlinkParts: [], texts: new Set() };
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    const xml = await zip.file(name)!.async("string");
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      if (/<(?:[\w.-]+:)?f[\s>/]/.test(xml)) scan.formulaParts.push(name);
      if (/<(?:[\w.-]+:)?hyperlink\b/.test(xml)) scan.hyperlinkParts.push(name);
    }
    if (name.endsWith(".rels") && /relationships\/hyperlink/.test(xml)) scan.hyperlinkParts.push(name);
    if (/^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(name)) {
      for (const match of xml.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) scan.texts.add(unescape(match[1]!));
      // A string cell written without shared strings: t="str" with its value, and no formula (checked above).
      for (const match of xml.matchAll(/<(?:[\w.-]+:)?c\b[^>]*\bt="str"[^>]*>\s*<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/g)) scan.texts.add(unescape(match[1]!));
    }
  }
  return scan;
}

export interface SheetLayout {
  name: string;
  orientation: string | null;
  fitToPage: boolean;
  fitToWidth: number | null;
  fitToHeight: number | null;
  /** The _xlnm.Print_Titles of the sheet, e.g. "$1:$1". */
  printTitles: string | null;
  frozenRows: number;
  frozenColumns: number;
  /** The sqref of every data validation, in file order. */
  validations: string[];
  /** Pairs of validation ranges that share a cell ("E2:E251 / E10:E251"). */
  overlappingValidations: string[];
}

const attribute = (element: string | undefined, name: string) => (element ? (new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1] ?? null) : null);
const numberOrNull = (text: string | null) => (text === null ? null : Number(text));

/** Unzips an .xlsx and reads, per sheet, what governs how it prints and which cells it validates. */
export async function sheetLayouts(xlsx: Buffer): Promise<SheetLayout[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attribute(m[0], "Id")!, attribute(m[0], "Target")!]));
  const sheets = [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
  const printTitles = new Map(
    [...workbook.matchAll(/<(?:[\w.-]+:)?definedName\b([^>]*)>([^<]*)</g)]
      .filter((m) => attribute(m[1], "name") === "_xlnm.Print_Titles")
      .map((m) => [Number(attribute(m[1], "localSheetId")), m[2]!.replace(/^.*!/, "")]),
  );
  const layouts: SheetLayout[] = [];
  for (const [index, sheet] of sheets.entries()) {
    const target = targets.get(attribute(sheet, "r:id")!)!.replace(/^\/?(xl\/)?/, "");
    const xml = await zip.file(`xl/${target}`)!.async("string");
    const pageSetup = /<(?:[\w.-]+:)?pageSetup\b[^>]*>/.exec(xml)?.[0];
    const pane = /<(?:[\w.-]+:)?pane\b[^>]*>/.exec(xml)?.[0];
    const frozen = attribute(pane, "state") === "frozen";
    const validations = [...xml.matchAll(/<(?:[\w.-]+:)?dataValidation\b[^>]*\bsqref="([^"]*)"/g)].flatMap((m) => m[1]!.trim().split(/\s+/));
    layouts.push({
      name: attribute(sheet, "name")!,
      orientation: attribute(pageSetup, "orientation"),
      fitToPage: /<(?:[\w.-]+:)?pageSetUpPr\b[^>]*\bfitToPage="(1|true)"/.test(xml),
      fitToWidth: numberOrNull(attribute(pageSetup, "fitToWidth")),
      fitToHeight: numberOrNull(attribute(pageSetup, "fitToHeight")),
      printTitles: printTitles.get(index) ?? null,
      frozenRows: frozen ? Number(attribute(pane, "ySplit") ?? 0) : 0,
      frozenColumns: frozen ? Number(attribute(pane, "xSplit") ?? 0) : 0,
      validations,
      overlappingValidations: overlaps(validations),
    });
  }
  return layouts;
}

function overlaps(ranges: string[]): string[] {
  const column = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const box = (ref: string) => {
    const [from, to = from] = ref.replace(/\$/g, "").split(":");
    const [, c1, r1] = /^([A-Z]+)(\d+)$/i.exec(from!)!;
    const [, c2, r2] = /^([A-Z]+)(\d+)$/i.exec(to!)!;
    return { top: Math.min(+r1!, +r2!), bottom: Math.max(+r1!, +r2!), left: Math.min(column(c1!), column(c2!)), right: Math.max(column(c1!), column(c2!)) };
  };
  const boxes = ranges.map(box);
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom) found.push(`${ranges[i]} / ${ranges[j]}`);
    }
  return found;
}
