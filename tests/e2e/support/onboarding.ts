import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { TEMPLATE_COLUMNS } from "../../../lib/domain/step3/template-format";
import { CONTROL_REPORT_COLUMNS } from "../../../lib/domain/step4/control-report-format";

export const templateColumn = (key: (typeof TEMPLATE_COLUMNS)[number]["key"]) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;
export const controlColumn = (key: (typeof CONTROL_REPORT_COLUMNS)[number]["key"]) => CONTROL_REPORT_COLUMNS.findIndex((c) => c.key === key) + 1;

/** Clicks a download link and opens the spreadsheet it gives. */
export async function downloadWorkbook(page: Page, link: string): Promise<{ name: string; book: ExcelJS.Workbook }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
  return { name: file.suggestedFilename(), book };
}

/** Uploads a workbook through the upload form named `form` and asks for its check. */
export async function uploadWorkbook(page: Page, form: string, name: string, book: ExcelJS.Workbook) {
  // Mantine's FileInput shows a button and keeps the real file input hidden.
  await page.getByRole("form", { name: form }).locator('input[type="file"]').setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  await page.getByRole("button", { name: "Opladen en controleren" }).click();
}

/** Every green line of the template decided: "Ja" with the codes it proposes (or the first of each list); pre-filled rows as they are. The number of green lines. */
export function fillTemplate(book: ExcelJS.Workbook): number {
  const sheet = book.getWorksheet("Sjabloon")!;
  const lists = book.getWorksheet("Lijsten")!;
  let lines = 0;
  for (let r = 2; sheet.getRow(r).getCell(templateColumn("vlimpers")).value; r++, lines++) {
    const row = sheet.getRow(r);
    if (row.getCell(templateColumn("decision")).value) continue;
    row.getCell(templateColumn("decision")).value = "Ja";
    if (!row.getCell(templateColumn("functionCode")).value) row.getCell(templateColumn("functionCode")).value = lists.getCell(2, 1).value;
    if (!row.getCell(templateColumn("grade")).value) row.getCell(templateColumn("grade")).value = lists.getCell(2, 3).value;
    if (!row.getCell(templateColumn("unit")).value) row.getCell(templateColumn("unit")).value = lists.getCell(2, 5).value;
    if (!row.getCell(templateColumn("fte")).value) row.getCell(templateColumn("fte")).value = 1;
  }
  return lines;
}

/** The control report with each position given to the relation it was requested for (free rows stay vacant). The number of positions given someone. */
export function fillControlReport(book: ExcelJS.Workbook): number {
  const sheet = book.getWorksheet("Controlerapport")!;
  let given = 0;
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const vlimpers = row.getCell(controlColumn("requestedForVlimpers")).value;
    if (!vlimpers) return;
    row.getCell(controlColumn("vlimpers")).value = vlimpers;
    row.getCell(controlColumn("relationNumber")).value = row.getCell(controlColumn("requestedForRelation")).value;
    given++;
  });
  return given;
}

/** Waits until a run on a step page says it is done (the page refreshes itself while a job runs). */
export async function waitForRun(page: Page, text: RegExp) {
  await expect(page.getByRole("region", { name: "Uitvoeringen" }).getByText(text).first()).toBeVisible({ timeout: 30_000 });
}
