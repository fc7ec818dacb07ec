import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { openEntity, signInAsDemo } from "./support/demo";
import { exportPersonnelList, uploadPersonnelList } from "./support/personnel";

/** A name as an HR system might deliver it: text that a spreadsheet would take for a formula. */
const FORMULA_NAME = '=HYPERLINK("http://evil.example","klik")';

test("the HR officer filters the step-2 report, corrects a blue line, sees its history, downloads it and marks the review done", async ({ page }) => {
  // The central expert imports a personnel list in which one name looks like a formula, then runs step 1.
  await signInAsDemo(page, "expert@demo.vlaanderen.be");
  await openEntity(page, "Departement Omgeving");
  await expect(page).toHaveURL(/\/entities\/[0-9a-f-]+$/);
  const entityUrl = page.url();
  const list = new ExcelJS.Workbook();
  await list.xlsx.load((await exportPersonnelList(page)) as unknown as ArrayBuffer);
  const listSheet = list.worksheets[0]!;
  const nameColumn = (listSheet.getRow(1).values as unknown[]).map(String).indexOf("Naam");
  const renamedVlimpers = String(listSheet.getCell(2, 1).value);
  listSheet.getCell(2, nameColumn).value = FORMULA_NAME;
  await page.goto(entityUrl);
  await page.getByRole("link", { name: "Personeelslijst beheren" }).click();
  await uploadPersonnelList(page, "personeelslijst.xlsx", Buffer.from(await list.xlsx.writeBuffer()));
  await page.getByRole("button", { name: "Bevestigen en opslaan" }).click();
  await expect(page.getByText("Verwerkt", { exact: true })).toBeVisible();
  await page.goto(entityUrl);
  await page.getByRole("link", { name: "Automatische aanmaak en koppeling" }).click();
  await page.getByRole("button", { name: "Stap 1 uitvoeren" }).click();
  await page.getByRole("dialog", { name: "Stap 1 uitvoeren" }).getByRole("button", { name: "Stap 1 uitvoeren" }).click();
  await expect(page.getByRole("region", { name: "Uitvoeringen" }).getByText(/\d+ arbeidsplaatsen? aangemaakt/)).toBeVisible({ timeout: 30_000 });

  await page.context().clearCookies();
  await signInAsDemo(page, "hr.omgeving@demo.vlaanderen.be");
  await openEntity(page, "Departement Omgeving");
  await page.getByRole("link", { name: "Rapport nakijken en corrigeren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stap 2: rapport nakijken en corrigeren" })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByRole("combobox", { name: "Kleur" }).selectOption("green");
  await filters.getByRole("button", { name: "Filteren" }).click();
  const table = page.getByRole("table", { name: "Stap 2: rapport nakijken en corrigeren" });
  await expect(table.getByRole("row").nth(1).getByText("Groen")).toBeVisible();
  await expect(table.getByText("Blauw")).toHaveCount(0);

  await filters.getByRole("combobox", { name: "Kleur" }).selectOption("blue");
  await filters.getByRole("button", { name: "Filteren" }).click();
  await expect(table.getByText("Groen")).toHaveCount(0);
  // A part-timer's line: their position has their FTE, and may be raised.
  const partTimer = table.getByRole("row").filter({ has: page.getByRole("cell", { name: /^0,\d+$/ }) }).first();
  const correctButton = partTimer.getByRole("button", { name: /^Corrigeren \d+$/ });
  const positionNumber = (await correctButton.getAttribute("aria-label"))!.replace("Corrigeren ", "");
  await correctButton.click();
  const dialog = page.getByRole("dialog", { name: `Arbeidsplaats ${positionNumber} corrigeren` });
  await dialog.getByRole("textbox", { name: "VTE" }).fill("1,5");
  await dialog.getByRole("button", { name: "Opslaan" }).click();
  await expect(dialog.getByText(/geen geldige VTE/)).toBeVisible();
  // Below what its occupant holds: refused, as step 5 would, naming them.
  await dialog.getByRole("textbox", { name: "VTE" }).fill("0,1");
  await dialog.getByRole("button", { name: "Opslaan" }).click();
  await expect(dialog.getByText(/kan niet minder VTE krijgen dan wie eraan gekoppeld is: .+ \(\d{6}\/\d+\) 0,\d+ VTE/)).toBeVisible();
  await dialog.getByRole("textbox", { name: "VTE" }).fill("1");
  await dialog.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Arbeidsplaats ${positionNumber} is gecorrigeerd` })).toBeVisible();
  await page.screenshot({ path: "test-results/step2-report.png", fullPage: true });

  await page.getByRole("row", { name: new RegExp(positionNumber) }).getByRole("button", { name: `Geschiedenis ${positionNumber}` }).click();
  const history = page.getByRole("dialog", { name: `Geschiedenis van arbeidsplaats ${positionNumber}` });
  await expect(history.getByText(/^Versie 2/)).toBeVisible();
  await expect(history.getByText(/^Versie 1/)).toBeVisible();
  await expect(history.getByText(/^door .+ op /).first()).toBeVisible();
  await page.keyboard.press("Escape");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Rapport downloaden (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^rapport-stap2-DOMG-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet("Rapport")!;
  expect(String(sheet.getCell("A1").value)).toContain("Departement Omgeving");
  expect(sheet.getCell("A4").value).toBe("blauw");
  expect((sheet.getCell("A4").fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe("FFD0E7FF");
  expect(book.getWorksheet("Legende")).toBeDefined();
  // The formula-like name is a text cell in the download, not a formula or a link.
  let nameCell: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (String(row.getCell(3).value) === renamedVlimpers) nameCell = row.getCell(4);
  });
  expect(nameCell?.value).toBe(`${FORMULA_NAME} ${String(listSheet.getCell(2, nameColumn + 1).value)}`);
  expect(nameCell?.type).toBe(ExcelJS.ValueType.String);
  expect(nameCell?.formula).toBeUndefined();

  await page.getByRole("button", { name: "Nazicht afgerond" }).click();
  await page.getByRole("dialog", { name: "Nazicht afgerond" }).getByRole("button", { name: "Nazicht afgerond" }).click();
  // The page itself now says so (the button's own message may be replaced by the refreshed page).
  await expect(page.getByRole("status").filter({ hasText: "Het nazicht van dit rapport is afgerond" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Nazicht afgerond" })).toHaveCount(0);

  // A manager follows the onboarding but does not see the people in it.
  const reportUrl = page.url();
  await page.context().clearCookies();
  await signInAsDemo(page, "manager@demo.vlaanderen.be");
  expect((await page.goto(reportUrl))?.status()).toBe(404);
});
