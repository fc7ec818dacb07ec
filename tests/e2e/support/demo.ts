import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../../lib/demo/users";

export function demoAccount(email: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  return account;
}

/** Signs in with the one-click demo button of this account. */
export async function signInAsDemo(page: Page, email: string) {
  const account = demoAccount(email);
  await page.goto("/signin");
  await page.getByRole("button", { name: new RegExp(`Aanmelden als ${account.name}`) }).click();
  await expect(page).toHaveURL(/localhost:\d+\/$/);
  await expect(page.getByRole("main")).toBeVisible();
}

/** From the home page: opens an entity through its row in the entity table (the "actie vereist" list links to steps). */
export async function openEntity(page: Page, name: string) {
  // The link reads "<name> (<code>)".
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await page.getByRole("table").getByRole("link", { name: new RegExp(`^${escaped} \\(`) }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}
