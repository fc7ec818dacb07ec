import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { openEntity, signInAsDemo } from "./support/demo";
import { exportPersonnelList, uploadPersonnelList as upload } from "./support/personnel";

/** The value of one of the preview's figures (a dt/dd pair). */
function figure(page: Page, label: string) {
  return page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
}

test("the expert uploads a personnel list, gets the problems back in their own file, fixes them and confirms", async ({ page }) => {
  await signInAsDemo(page, "expert@demo.vlaanderen.be");
  await openEntity(page, "Agentschap Overheidspersoneel");
  await expect(page).toHaveURL(/\/entities\/[0-9a-f-]+$/);
  const entityUrl = page.url();
  const exported = await exportPersonnelList(page);

  // Break one cell, change another: the FTE of the first relation becomes 1,5.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const fteColumn = headers.indexOf("VTE");
  expect(fteColumn).toBeGreaterThan(0);
  sheet.getCell(2, fteColumn).value = 1.5;
  const broken = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.goto(entityUrl);
  await page.getByRole("link", { name: "Personeelslijst beheren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personeelslijst" })).toBeVisible();
  await upload(page, "personeelslijst-fout.xlsx", broken);
  await expect(page.getByText("Geweigerd: eerst fouten oplossen")).toBeVisible();
  const problems = page.getByRole("table", { name: "Problemen per rij en kolom" });
  await expect(problems.getByRole("row", { name: /"1,5" is geen geldige VTE/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Bevestigen en opslaan" })).toHaveCount(0);
  // The faulty row's relation is still in the list: it is not counted as gone.
  await expect(figure(page, "Niet meer in personeelslijst")).toHaveText("0");
  await expect(figure(page, "Fouten")).toHaveText("1");
  await page.screenshot({ path: "test-results/personnel-import-rejected.png", fullPage: true });

  const [markedDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Bestand met gemarkeerde problemen" }).click(),
  ]);
  const marked = new ExcelJS.Workbook();
  await marked.xlsx.load((await readFile((await markedDownload.path())!)) as unknown as ArrayBuffer);
  const markedCell = marked.worksheets[0]!.getCell(2, fteColumn);
  expect(JSON.stringify(markedCell.note)).toContain("geen geldige VTE");
  expect(marked.getWorksheet("Problemen")).toBeDefined();

  // Fix it to a real change and upload again: one changed relation, nothing else.
  sheet.getCell(2, fteColumn).value = 0.5;
  await upload(page, "personeelslijst.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
  await expect(page.getByText("Klaar om te bevestigen")).toBeVisible();
  await expect(figure(page, "Gewijzigd")).toHaveText("1");
  await expect(figure(page, "Nieuw")).toHaveText("0");
  await expect(page.getByRole("listitem").filter({ hasText: /VTE/ })).toHaveCount(1);
  await page.getByRole("button", { name: "Bevestigen en opslaan" }).click();
  await expect(page.getByText("Verwerkt", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/personnel-import-committed.png", fullPage: true });

  // The same file again changes nothing, and says so.
  await upload(page, "personeelslijst.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
  await expect(page.getByText("Dit bestand verandert niets aan de opgeslagen personeelslijst.")).toBeVisible();
  await page.getByRole("button", { name: "Bevestigen en opslaan" }).click();
  await expect(page.getByText("Geen wijzigingen", { exact: true })).toBeVisible();

  // Every upload and import shows on the entity's timeline.
  await page.goto(entityUrl);
  const timeline = page.getByRole("region", { name: "Tijdlijn" });
  await expect(timeline.getByText("Personeelslijst verwerkt: 0 nieuw, 1 gewijzigd, 0 niet meer in de lijst.")).toBeVisible();
  await expect(timeline.getByText(/personeelslijst-fout\.xlsx opgeladen \(personeelslijst\): geweigerd \(1 fout\)/)).toBeVisible();
  await expect(timeline.getByText("Import van de personeelslijst bevestigd: niets gewijzigd.")).toBeVisible();
  await page.screenshot({ path: "test-results/entity-timeline.png", fullPage: true });
});
