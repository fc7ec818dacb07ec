import { expect, test } from "@playwright/test";
import { openEntity, signInAsDemo } from "./support/demo";

test("an export runs as a background job with visible progress and a downloadable file", async ({ page }) => {
  await signInAsDemo(page, "hr.ago@demo.vlaanderen.be");
  await openEntity(page, "Agentschap Overheidspersoneel");
  await page.getByRole("button", { name: "Personeelslijst exporteren (.xlsx)" }).click();
  await page.getByRole("status").getByRole("link", { name: "Achtergrondtaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Achtergrondtaken" })).toBeVisible();
  const row = page.getByRole("row", { name: /Export personeelslijst/ }).first();
  await expect(row.getByText("Geslaagd")).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: "Downloaden" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^personeelslijst-AGO-\d{4}-\d{2}-\d{2}\.xlsx$/);
});
