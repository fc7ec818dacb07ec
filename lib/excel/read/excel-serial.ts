const DAY_MS = 86_400_000;
/** Serial 1 in the 1900 system is 1900-01-01; Excel counts a 29 February 1900 that never was (serial 60). */
const EPOCH_1900_BEFORE_BUG = Date.UTC(1899, 11, 31);
const EPOCH_1900_AFTER_BUG = Date.UTC(1899, 11, 30);
/** Serial 0 in the 1904 system (old Mac Excel) is 1904-01-01. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const LAST_SERIAL_1900 = 2_958_465; // 9999-12-31

/** The calendar day of an Excel serial number (time of day ignored), or undefined if none. */
export function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  // Serials that come out of arithmetic may sit a hair below the whole day they mean.
  const day = Math.floor(serial + 1e-9);
  let ms: number;
  if (date1904) {
    if (day < 0 || day > LAST_SERIAL_1900 - 1462) return undefined;
    ms = EPOCH_1904 + day * DAY_MS;
  } else {
    if (day < 1 || day === 60 || day > LAST_SERIAL_1900) return undefined;
    ms = (day < 60 ? EPOCH_1900_BEFORE_BUG : EPOCH_1900_AFTER_BUG) + day * DAY_MS;
  }
  return new Date(ms).toISOString().slice(0, 10);
}

/** exceljs turns date-formatted serials into Dates in UTC; this is the serial back. */
export function dateToSerial(date: Date, date1904: boolean): number {
  return date.getTime() / DAY_MS + 25_569 - (date1904 ? 1462 : 0);
}

/**
 * Whether a number format shows a date (what Excel and exceljs decide by): d, m or y outside
 * quoted text, escapes and [brackets] such as colours and locales ([$-813]).
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt || /^general$/i.test(numFmt)) return false;
  const bare = numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  return /[dmy]/i.test(bare);
}
