/**
 * The one order of names in every list: Dutch (nl-BE) as ICU sorts it, the same rules as the
 * database's "apb_nl_be" collation on entity names (migration 0013).
 */
const collator = new Intl.Collator("nl-BE");

export function compareDutch(a: string, b: string): number {
  return collator.compare(a, b);
}
