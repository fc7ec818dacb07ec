import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { openEntity, signInAsDemo } from "./support/demo";

async function upload(page: Page, content: Buffer) {
  await page.getByRole("form", { name: "Importeren uit Excel" }).locator('input[type="file"]').setInputFiles({
    name: "graden.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: content,
  });
  await page.getByRole("button", { name: "Opladen en controleren" }).click();
}

test("a central expert creates, edits and deactivates a grade, and imports grades from Excel", async ({ page }) => {
  await signInAsDemo(page, "expert@demo.vlaanderen.be");
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Referentiegegevens" }).click();
  await page.getByRole("link", { name: "Graden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Graden" })).toBeVisible();

  // Create, with the server's checks shown on the field.
  await page.getByRole("button", { name: "Nieuwe graad" }).click();
  const dialog = page.getByRole("dialog", { name: "Nieuwe graad" });
  await dialog.getByRole("textbox", { name: "Code" }).fill("A9-TEST");
  await dialog.getByRole("textbox", { name: "Titel" }).fill("testgraad");
  await dialog.getByRole("textbox", { name: "Rang" }).fill("B1");
  await dialog.getByRole("combobox", { name: "Niveau" }).click();
  await page.getByRole("option", { name: "A", exact: true }).click();
  await dialog.getByRole("button", { name: "Opslaan" }).click();
  await expect(dialog.getByText("Rang B1 hoort niet bij niveau A")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Rang" }).fill("A1");
  await dialog.getByRole("button", { name: "Opslaan" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("searchbox", { name: "Zoeken op code of naam" }).fill("A9-TEST");
  const row = page.getByRole("row", { name: /A9-TEST/ });
  await expect(row.getByRole("cell", { name: "testgraad" })).toBeVisible();

  // Edit, then deactivate: it leaves the list of active grades.
  await row.getByRole("button", { name: "Wijzigen A9-TEST" }).click();
  const editDialog = page.getByRole("dialog", { name: "A9-TEST wijzigen" });
  await expect(editDialog.getByRole("textbox", { name: "Code" })).toBeDisabled();
  await editDialog.getByRole("textbox", { name: "Titel" }).fill("testgraad gewijzigd");
  await editDialog.getByRole("button", { name: "Opslaan" }).click();
  await expect(row.getByRole("cell", { name: "testgraad gewijzigd" })).toBeVisible();
  await row.getByRole("button", { name: "Deactiveren A9-TEST" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A9-TEST is niet meer actief." })).toBeVisible();
  await expect(page.getByRole("row", { name: /A9-TEST/ })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Ook niet-actieve tonen" }).check();
  await expect(page.getByRole("row", { name: /A9-TEST/ }).getByText("Niet actief")).toBeVisible();

  // Export, change one title and break one level, import: refused with the problem named.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporteren (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^graden-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Graden")!;
  expect(sheet.getRow(1).values).toEqual([undefined, "Graadcode", "Titel", "Rang", "Niveau", "Salarisschaal", "Actief"]);
  sheet.getCell("B2").value = "gewijzigde titel";
  sheet.getCell("D3").value = "Z";
  await upload(page, Buffer.from(await workbook.xlsx.writeBuffer()));
  await expect(page.getByText("Geweigerd: eerst fouten oplossen")).toBeVisible();
  await expect(page.getByRole("row", { name: /"Z" is geen niveau/ })).toBeVisible();

  sheet.getCell("D3").value = sheet.getCell("C3").text.slice(0, 1);
  await upload(page, Buffer.from(await workbook.xlsx.writeBuffer()));
  await expect(page.getByText("Klaar om te bevestigen")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "gewijzigde titel" })).toContainText("Titel");
  await page.getByRole("button", { name: "Bevestigen en opslaan" }).click();
  await expect(page.getByText("Verwerkt", { exact: true })).toBeVisible();
  await page.getByRole("searchbox", { name: "Zoeken op code of naam" }).fill("gewijzigde titel");
  await expect(page.getByRole("cell", { name: "gewijzigde titel" })).toBeVisible();
  await page.screenshot({ path: "test-results/reference-grades.png", fullPage: true });
});

test("an HR officer reads their own entity's units but cannot change them, nor see another entity's", async ({ page }) => {
  await signInAsDemo(page, "hr.ago@demo.vlaanderen.be");
  await openEntity(page, "Agentschap Overheidspersoneel");
  await page.getByRole("link", { name: "Organisatie-eenheden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organisatie-eenheden" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Organisatie-eenheden" }).getByRole("row")).not.toHaveCount(1);
  await expect(page.getByRole("button", { name: /Nieuwe/ })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Importeren uit Excel" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/reference-units-hr.png", fullPage: true });

  const ownUrl = page.url();
  await page.context().clearCookies();
  await signInAsDemo(page, "hr.dfb@demo.vlaanderen.be");
  const response = await page.goto(ownUrl);
  expect(response?.status()).toBe(404);
  const exportResponse = await page.request.get(`/api/reference/org-units/export?entityId=${ownUrl.split("/")[4]}`);
  expect(exportResponse.status()).toBe(404);
});
