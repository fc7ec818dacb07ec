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
