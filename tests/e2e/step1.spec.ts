import { expect, test } from "@playwright/test";
import { openEntity, signInAsDemo } from "./support/demo";

test("the expert dry-runs step 1, looks behind a number, runs it, and the entity moves on to step 2", async ({ page }) => {
  await signInAsDemo(page, "expert@demo.vlaanderen.be");
  await openEntity(page, "Vlaamse Milieumaatschappij");
  await page.getByRole("link", { name: "Automatische aanmaak en koppeling" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stap 1: automatische aanmaak en koppeling" })).toBeVisible();

  const summary = page.getByText(/arbeidsplaatsen worden aangemaakt en gekoppeld; \d+ arbeidsrelaties blijven over voor stap 3\./);
  await expect(summary).toBeVisible();
  const create = Number((await summary.textContent())!.match(/^(\d+)/)![1]);
  expect(create).toBeGreaterThan(0);

  await page.getByRole("link", { name: "Met verlof" }).click();
  const lines = page.getByRole("table", { name: /^Met verlof: \d+$/ });
  await expect(lines).toBeVisible();
  expect(await lines.getByRole("row").count()).toBeGreaterThan(1);
  await page.screenshot({ path: "test-results/step1-dry-run.png", fullPage: true });

  await page.getByRole("button", { name: "Stap 1 uitvoeren" }).click();
  const dialog = page.getByRole("dialog", { name: "Stap 1 uitvoeren" });
  await expect(dialog.getByText(`Er worden ${create} arbeidsplaatsen aangemaakt.`)).toBeVisible();
  await dialog.getByRole("button", { name: "Stap 1 uitvoeren" }).click();
  // A small entity's run can finish before the "started" notice is looked for; then the page already shows the outcome.
  await expect(page.getByRole("status").filter({ hasText: /Stap 1 is gestart als achtergrondtaak\.|Stap 1 is uitgevoerd/ }).first()).toBeVisible();
  const runs = page.getByRole("region", { name: "Uitvoeringen" });
  await expect(runs.getByText(`${create} arbeidsplaatsen aangemaakt`)).toBeVisible({ timeout: 30_000 });
  // The page leads with the run's own figures; the dry run, computed from the data, finds nothing left to create.
  await expect(page.getByRole("status").filter({ hasText: "Stap 1 is uitgevoerd" })).toContainText(`werden ${create} arbeidsplaatsen aangemaakt en gekoppeld`);
  await expect(page.getByText(/^Een nieuwe uitvoering op deze datum maakt geen arbeidsplaatsen aan; \d+ arbeidsrelaties zijn al gekoppeld/)).toBeVisible();

  await page.getByRole("link", { name: "Vlaamse Milieumaatschappij" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Rapport nakijken en corrigeren" })).toHaveAttribute("aria-current", "step");
  await expect(page.getByRole("region", { name: "Tijdlijn" }).getByText(`${create} arbeidsplaatsen aangemaakt en gekoppeld`)).toBeVisible();
});
