/**
 * Text files reach us as UTF-8 (with or without BOM, what Excel's "CSV UTF-8" writes),
 * UTF-16 with BOM (Excel's "Unicode text"), or Windows-1252 (Excel's plain "CSV" on Windows).
 */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export function detectEncoding(content: Buffer): { encoding: TextEncoding; bomLength: number } {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  if (content[0] === 0xff && content[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (content[0] === 0xfe && content[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(content);
    return { encoding: "utf-8", bomLength: 0 };
  } catch {
    return { encoding: "windows-1252", bomLength: 0 };
  }
}

export function decodeText(content: Buffer): string {
  const { encoding, bomLength } = detectEncoding(content);
  return new TextDecoder(encoding).decode(content.subarray(bomLength));
}

/**
 * Control characters other than tab, line breaks, form feed and the old end-of-file mark (0x1A)
 * do not occur in real text; a few percent of them in the start of a file means binary data.
 */
export function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return false;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1a) control++;
  }
  return control <= sample.length * 0.001;
}
