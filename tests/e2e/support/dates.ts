import { todayInBrussels } from "../../../lib/dates";

/**
 * The date `days` after today in Brussels (YYYY-MM-DD): the application's "today". A UTC date
 * would be a day behind between midnight in Brussels and midnight in UTC, and a test that links
 * someone "from tomorrow" would then ask for today.
 */
export function brusselsDay(days = 0): string {
  const today = new Date(`${todayInBrussels()}T00:00:00Z`);
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
