// Made once: building an Intl.DateTimeFormat costs far more than formatting with one.
const BRUSSELS_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Brussels as YYYY-MM-DD: the date every "as of today" figure is computed for. */
export function todayInBrussels(now: Date = new Date()): string {
  return BRUSSELS_DATE.format(now);
}

/**
 * A calendar date typed by a user (YYYY-MM-DD) if it exists (no 31 February) and lies within the
 * years the application works with; otherwise null.
 */
export function validIsoDate(text: string | null | undefined, { minYear = 1990, maxYear = 2100 } = {}): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? "");
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists && year >= minYear && year <= maxYear ? text! : null;
}

/** An ISO date (YYYY-MM-DD) as a Belgian reader writes it: dd/mm/yyyy. */
export function formatDutchDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}
