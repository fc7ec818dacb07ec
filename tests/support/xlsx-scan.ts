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
