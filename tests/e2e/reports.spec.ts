import { expect, test } from "@playwright/test";
import { brusselsDay } from "./support/dates";
import { signInAsDemo } from "./support/demo";
import { downloadWorkbook } from "./support/onboarding";

test("a manager compares staffing needs with occupancy, as of another date, and downloads it", async ({ page }) => {
  await signInAsDemo(page, "manager@demo.vlaanderen.be");
  await page.getByRole("link", { name: "Rapporten" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personeelsbehoefte en bezetting" })).toBeVisible();
  const table = page.getByRole("table", { name: "Personeelsbehoefte en bezetting per Entiteit" });
  // Only the entities granted to the manager, and at least one has positions (the golden path completed one).
  await expect(table.getByRole("row", { name: /Agentschap Overheidspersoneel/ })).toHaveCount(0);
  await expect(table.getByRole("row", { name: /Departement Financiën en Begroting/ })).toBeVisible();
  await page.screenshot({ path: "test-results/reports.png", fullPage: true });

  // As of a date before any step ran: no positions.
  await page.getByRole("form", { name: "Datum en groepering" }).getByLabel("Datum").fill("2020-01-01");
  await page.getByRole("form", { name: "Datum en groepering" }).getByRole("combobox", { name: "Groeperen per" }).selectOption("level");
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(page).toHaveURL(/date=2020-01-01/);
  await expect(page.getByText("Geen arbeidsplaatsen op deze datum.")).toBeVisible();

  // Back to today by entity, and the download has the same groups plus a total line.
  await page.getByRole("form", { name: "Datum en groepering" }).getByLabel("Datum").fill(brusselsDay());
  await page.getByRole("form", { name: "Datum en groepering" }).getByRole("combobox", { name: "Groeperen per" }).selectOption("entity");
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(table.getByRole("row", { name: /Departement Financiën en Begroting/ })).toBeVisible();
  const rowsOnline = (await table.getByRole("row").count()) - 1;
  const { book } = await downloadWorkbook(page, "Rapport downloaden (.xlsx)");
  const sheet = book.getWorksheet("Bezetting")!;
  expect(String(sheet.getCell("A1").value)).toContain("Personeelsbehoefte en bezetting");
  expect(sheet.getCell("A3").value).toBe("Groep");
  const lines: string[] = [];
  sheet.eachRow((row, r) => r > 3 && lines.push(String(row.getCell(1).value)));
  expect(lines).toHaveLength(rowsOnline + 1);
  expect(lines.at(-1)).toBe("Totaal");
  expect(lines).toContain("Departement Financiën en Begroting");

  // The change since a date before any step: every position is new.
  await page.getByRole("form", { name: "Datum en groepering" }).getByLabel("Vergelijken met").fill("2020-01-01");
  await page.getByRole("button", { name: "Tonen" }).click();
  const change = page.getByRole("table", { name: /^Verschil van 1 januari 2020 tot/ });
  await expect(change.getByRole("row", { name: /Departement Financiën en Begroting/ }).getByRole("cell").nth(1)).toHaveText(/^\+\d/);

  // The lists: relations without a position, with their reason, also as xlsx.
  await page.getByRole("link", { name: /^Lijsten:/ }).click();
  await page.getByRole("form", { name: "Lijst en datum" }).getByRole("combobox", { name: "Lijst" }).selectOption("unlinked");
  await page.getByRole("button", { name: "Tonen" }).click();
  const list = page.getByRole("table", { name: "Arbeidsrelaties zonder arbeidsplaats" });
  await expect(list.getByRole("row").nth(1)).toBeVisible();
  const listed = await list.getByRole("row").count();
  const { book: listBook } = await downloadWorkbook(page, "Lijst downloaden (.xlsx)");
  expect(listBook.getWorksheet("Lijst")!.actualRowCount).toBeGreaterThanOrEqual(Math.min(listed, 51) + 1);

  // Managers change nothing: the personnel plan's actions are not theirs (a server action replay is refused in access.spec).
  await page.goto("/");
  await expect(page.getByRole("button", { name: /exporteren|uitvoeren|indienen/ })).toHaveCount(0);
});
