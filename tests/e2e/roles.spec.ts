import { expect, test } from "@playwright/test";
import { signInAsDemo } from "./support/demo";

test.describe("each role lands on its own home", () => {
  test("an anonymous visitor is sent to the sign-in page, which offers the demo accounts", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin$/);
    await expect(page.getByRole("heading", { level: 1, name: "Aanmelden" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Aanmelden als An Peeters/ })).toBeVisible();
    await expect(page.getByRole("button", { name: /Aanmelden via Test-IdP/ })).toBeVisible();
    // The non-demo account never gets a one-click button.
    await expect(page.getByText("kim.janssens@vlaanderen.be")).toHaveCount(0);
  });

  test("the central expert sees every entity with its onboarding step", async ({ page }) => {
    await signInAsDemo(page, "expert@demo.vlaanderen.be");
    await expect(page.getByRole("heading", { level: 1, name: "Alle entiteiten" })).toBeVisible();
    const table = page.getByRole("table", { name: "Alle entiteiten" });
    for (const name of ["Departement Financiën en Begroting", "Departement Omgeving", "Vlaamse Milieumaatschappij", "Agentschap Overheidspersoneel"]) {
      await expect(table.getByRole("link", { name: new RegExp(name) })).toBeVisible();
    }
    await expect(table.getByText("Stap 1").first()).toBeVisible();
    await expect(page.getByRole("navigation")).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("AgO-expert");
  });

  test("an HR officer sees only their entity", async ({ page }) => {
    await signInAsDemo(page, "hr.dfb@demo.vlaanderen.be");
    await expect(page.getByRole("heading", { level: 1, name: "Mijn entiteiten" })).toBeVisible();
    const table = page.getByRole("table", { name: "Mijn entiteiten" });
    await expect(table.getByRole("link", { name: /Departement Financiën en Begroting/ })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(page.getByText("Departement Omgeving")).toHaveCount(0);
  });

  test("an HR officer serving two entities sees both, and no other", async ({ page }) => {
    await signInAsDemo(page, "hr.omgeving@demo.vlaanderen.be");
    const table = page.getByRole("table", { name: "Mijn entiteiten" });
    await expect(table.getByRole("link", { name: /Departement Omgeving/ })).toBeVisible();
    await expect(table.getByRole("link", { name: /Vlaamse Milieumaatschappij/ })).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(3);
    await expect(page.getByText("Departement Financiën en Begroting")).toHaveCount(0);
  });

  test("a manager sees the granted entities with headline figures", async ({ page }) => {
    await signInAsDemo(page, "manager@demo.vlaanderen.be");
    await expect(page.getByRole("heading", { level: 1, name: "Mijn entiteiten in cijfers" })).toBeVisible();
    const figures = page.getByRole("definition");
    // The figures depend on how far the other browser tests took the onboardings: a number, formatted for nl-BE.
    await expect(figures.first()).toHaveText(/^\d{1,3}(\.\d{3})*$/);
    const table = page.getByRole("table", { name: "Mijn entiteiten in cijfers" });
    await expect(table.getByRole("row")).toHaveCount(5);
    await expect(table.getByRole("columnheader", { name: /VTE bezet/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Achtergrondtaken" })).toBeVisible();
    await expect(page.getByText("Agentschap Overheidspersoneel")).toHaveCount(0);
  });

  test("the interface switches to English and back", async ({ page }) => {
    await signInAsDemo(page, "expert@demo.vlaanderen.be");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "All entities" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Alle entiteiten" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  });

  test("on a narrow screen the navigation opens from the menu button, and marks the current page", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAsDemo(page, "expert@demo.vlaanderen.be");
    const menu = page.getByRole("button", { name: "Hoofdnavigatie" });
    const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Overzicht" })).toHaveAttribute("aria-current", "page");
    // The header keeps its controls in view; who is signed in moves into the navigation.
    await expect(page.getByRole("banner").getByRole("button", { name: "Afmelden" })).toBeInViewport({ ratio: 1 });
    await expect(nav).toContainText("An Peeters");
    await page.screenshot({ path: "test-results/frame-narrow-open.png" });
    await nav.getByRole("link", { name: "Stand van zaken" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(nav.getByRole("link", { name: "Stand van zaken" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Overzicht" })).not.toHaveAttribute("aria-current", "page");
  });

  test("the skip link leads keyboard users to the main content", async ({ page }) => {
    await signInAsDemo(page, "expert@demo.vlaanderen.be");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Naar de inhoud" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});
