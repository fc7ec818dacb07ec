import { expect, test } from "@playwright/test";

/** Sign-in through a real OpenID Connect provider (tests/e2e/support/oidc-provider-server.mjs on loopback). */
test.describe("sign-in with the organisation's identity provider", () => {
  test("a known user signs in and gets their grants", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Aanmelden via Test-IdP" }).click();
    await page.getByLabel("Gebruikersnaam").fill("kim");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mijn entiteiten" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Kim Janssens");
    const table = page.getByRole("table", { name: "Mijn entiteiten" });
    await expect(table.getByRole("link", { name: /Departement Financiën en Begroting/ })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(2);
  });

  test("a user the application does not know is refused", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Aanmelden via Test-IdP" }).click();
    await page.getByLabel("Gebruikersnaam").fill("stranger");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page).toHaveURL(/\/signin\?error=AccessDenied/);
    await expect(page.getByRole("alert").filter({ hasText: "geen toegang" })).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin$/);
  });
});
