import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { CONTROL_REPORT_COLUMNS, ORANGE_FILL } from "../../lib/domain/step4/control-report-format";
import { openEntity, signInAsDemo } from "./support/demo";
import { downloadWorkbook, fillTemplate, templateColumn, uploadWorkbook } from "./support/onboarding";

/** The template filled as fillTemplate does, once with two mistakes. */
function fillIn(book: ExcelJS.Workbook, mistakes: boolean) {
  const lines = fillTemplate(book);
  if (mistakes) {
    const sheet = book.getWorksheet("Sjabloon")!;
    sheet.getRow(2).getCell(column("decision")).value = "misschien";
    sheet.getRow(3).getCell(column("fte")).value = "1,5";
  }
  return lines;
}

const column = templateColumn;
const download = downloadWorkbook;
const upload = (page: Page, name: string, book: ExcelJS.Workbook) => uploadWorkbook(page, "Ingevuld sjabloon opladen", name, book);

test("the HR officer fills the position template, fixes it, corrects a row online and submits; the expert runs step 4 and both get the control report", async ({ page }) => {
  // Follows step2.spec: Departement Omgeving has had step 1 and its review (files run in name order).
  await signInAsDemo(page, "hr.omgeving@demo.vlaanderen.be");
  await openEntity(page, "Departement Omgeving");
  await expect(page).toHaveURL(/\/entities\/[0-9a-f-]+$/);
  const entityUrl = page.url();
  await page.getByRole("link", { name: "Arbeidsplaatssjabloon invullen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stap 3: arbeidsplaatssjabloon" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Stap 3 wacht op de entiteit" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Laatste upload" })).toContainText("Er is nog geen ingevuld sjabloon opgeladen.");

  const template = await download(page, "Arbeidsplaatssjabloon downloaden (.xlsx)");
  expect(template.name).toMatch(/^arbeidsplaatssjabloon-DOMG-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(template.book.worksheets.map((s) => s.name)).toEqual(["Instructies", "Sjabloon", "Lijsten"]);

  const lines = fillIn(template.book, true);
  expect(lines).toBeGreaterThan(0);
  await upload(page, "sjabloon-fout.xlsx", template.book);
  await expect(page.getByText("Geweigerd: eerst fouten oplossen")).toBeVisible();
  const problems = page.getByRole("table", { name: "Problemen per rij en kolom" });
  await expect(problems.getByRole("row", { name: /misschien/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /"1,5" is geen geldige VTE/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Aanvaarden" })).toHaveCount(0);
  const marked = await download(page, "Bestand met gemarkeerde problemen");
  expect(JSON.stringify(marked.book.getWorksheet("Sjabloon")!.getCell(2, column("decision")).note)).toContain("misschien");
  expect(marked.book.getWorksheet("Problemen")).toBeDefined();

  template.book.getWorksheet("Sjabloon")!.getRow(2).getCell(column("decision")).value = "Ja";
  template.book.getWorksheet("Sjabloon")!.getRow(3).getCell(column("fte")).value = "0,5";
  await upload(page, "sjabloon.xlsx", template.book);
  await expect(page.getByText("Klaar om te bevestigen")).toBeVisible();
  await page.getByRole("button", { name: "Aanvaarden" }).click();
  await expect(page.getByText("Verwerkt", { exact: true })).toBeVisible();
  const requests = page.getByRole("table", { name: "Aanvaarde rijen" });
  await expect(requests.getByRole("row")).toHaveCount(Math.min(lines, 100) + 1);

  // A small correction online, checked like the file.
  await requests.getByRole("button", { name: "Rij 2 corrigeren" }).click();
  const dialog = page.getByRole("dialog", { name: "Rij 2 corrigeren" });
  await dialog.getByRole("textbox", { name: "VTE" }).fill("2");
  await dialog.getByRole("button", { name: "Opslaan" }).click();
  await expect(dialog.getByText(/groter dan 0 en hoogstens 1/)).toBeVisible();
  await dialog.getByRole("textbox", { name: "VTE" }).fill("0,8");
  await dialog.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rij 2 is gecorrigeerd." })).toBeVisible();
  await expect(requests.getByRole("row").nth(1)).toContainText("0,8");
  await page.screenshot({ path: "test-results/step3-template.png", fullPage: true });

  await page.getByRole("button", { name: "Sjabloon indienen" }).click();
  await page.getByRole("dialog", { name: "Sjabloon indienen" }).getByRole("button", { name: "Sjabloon indienen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Het sjabloon is ingediend" })).toBeVisible();

  // The central expert dry-runs and runs step 4.
  await page.context().clearCookies();
  await signInAsDemo(page, "expert@demo.vlaanderen.be");
  await page.goto(entityUrl);
  await page.getByRole("link", { name: "Aanmaak uit sjabloon en controlerapport" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stap 4: arbeidsplaatsen maken uit het sjabloon" })).toBeVisible();
  const summary = await page.getByText(/arbeidsplaatsen? worden? gemaakt\./).textContent();
  const created = Number(/(\d+)/.exec(summary ?? "")?.[1]);
  expect(created).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Stap 4 uitvoeren" }).click();
  await page.getByRole("dialog", { name: "Stap 4 uitvoeren" }).getByRole("button", { name: "Stap 4 uitvoeren" }).click();
  await expect(page.getByRole("region", { name: "Uitvoeringen" }).getByText(new RegExp(`${created} arbeidsplaatsen? gemaakt`))).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: "test-results/step4-run.png", fullPage: true });

  const checkReport = (book: ExcelJS.Workbook) => {
    const sheet = book.getWorksheet("Controlerapport")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(CONTROL_REPORT_COLUMNS.map((c) => c.header));
    expect(sheet.actualRowCount).toBe(created + 1);
    const columnOf = (key: (typeof CONTROL_REPORT_COLUMNS)[number]["key"]) => CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    // The orange columns come right after the position number, holding the person named in step 3 (if any).
    const orange: [number, number][] = [
      [columnOf("vlimpers"), columnOf("requestedForVlimpers")],
      [columnOf("relationNumber"), columnOf("requestedForRelation")],
    ];
    expect(orange.map(([c]) => c)).toEqual([2, 3]);
    for (const [c, named] of orange) {
      expect((sheet.getRow(1).getCell(c).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(ORANGE_FILL);
      for (let r = 2; r <= created + 1; r++) {
        expect(sheet.getRow(r).getCell(c).value ?? null).toEqual(sheet.getRow(r).getCell(named).value ?? null);
        expect((sheet.getRow(r).getCell(c).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(ORANGE_FILL);
      }
    }
  };
  checkReport((await download(page, "Controlerapport downloaden (.xlsx)")).book);

  // The HR officer is told the control report waits for them, and gets the same file.
  await page.context().clearCookies();
  await signInAsDemo(page, "hr.omgeving@demo.vlaanderen.be");
  await page.goto(entityUrl);
  await page.getByRole("link", { name: "Aanmaak uit sjabloon en controlerapport" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Het controlerapport wacht op je" })).toBeVisible();
  checkReport((await download(page, "Controlerapport downloaden (.xlsx)")).book);
});
