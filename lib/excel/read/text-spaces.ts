/**
 * Text as users mean it: non-breaking and other Unicode spaces, tabs and line breaks become one
 * normal space; zero-width characters go; the ends are trimmed.
 */
export function normalizeSpaces(text: string): string {
  return text
    .replace(/[\u200B-\u200D\u2060]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Excel escapes control characters in strings as _xHHHH_ (e.g. _x000D_ for a carriage return). */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
