import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { openEntity, signInAsDemo } from "./support/demo";
import { controlColumn, downloadWorkbook, fillControlReport, fillTemplate, uploadWorkbook, waitForRun } from "./support/onboarding";
import { exportPersonnelList, uploadPersonnelList } from "./support/personnel";

const ENTITY = "Departement Financiën en Begroting";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsDemo(page, email);
  return page;
}

test("one entity goes through all six steps, the central expert and the entity's HR officer side by side", async ({ browser }) => {
  test.setTimeout(240_000);
  const expert = await signedIn(browser, "expert@demo.vlaanderen.be");
  const hr = await signedIn(browser, "hr.dfb@demo.vlaanderen.be");
  await openEntity(expert, ENTITY);
  await expect(expert).toHaveURL(/\/entities\/[0-9a-f-]+$/);
  const entityUrl = expert.url();
  const step = (n: number) => `${entityUrl}/steps/${n}`;

  // Before step 1: the expert imports the personnel list; a first upload with a broken FTE is refused.
  const list = new ExcelJS.Workbook();
  await list.xlsx.load((await exportPersonnelList(expert)) as unknown as ArrayBuffer);
  const sheet = list.worksheets[0]!;
  const fte = (sheet.getRow(1).values as unknown[]).map(String).indexOf("VTE");
  const original = sheet.getCell(2, fte).value;
  sheet.getCell(2, fte).value = "1,5";
  await expert.goto(`${entityUrl}/personnel`);
  await uploadPersonnelList(expert, "personeelslijst-fout.xlsx", Buffer.from(await list.xlsx.writeBuffer()));
  await expect(expert.getByText("Geweigerd: eerst fouten oplossen")).toBeVisible();
  sheet.getCell(2, fte).value = original;
  await uploadPersonnelList(expert, "personeelslijst.xlsx", Buffer.from(await list.xlsx.writeBuffer()));
  await expert.getByRole("button", { name: "Bevestigen en opslaan" }).click();
  await expect(expert.getByText(/Verwerkt|Geen wijzigingen/).first()).toBeVisible();

  // Step 1 (expert).
  await expert.goto(step(1));
  const planned = Number(/(\d+) arbeidsplaatsen? worden/.exec((await expert.getByText(/arbeidsplaatsen? aangemaakt en gekoppeld|worden aangemaakt/).first().textContent()) ?? "")?.[1]);
  await expert.getByRole("button", { name: "Stap 1 uitvoeren" }).click();
  await expert.getByRole("dialog", { name: "Stap 1 uitvoeren" }).getByRole("button", { name: "Stap 1 uitvoeren" }).click();
  await waitForRun(expert, /\d+ arbeidsplaatsen? aangemaakt/);

  // Step 2 (HR): the report has the blue lines step 1 made; the review is done.
  await hr.goto(step(2));
  await expect(hr.getByText(`Blauwe lijnen (arbeidsplaats gekregen)`)).toBeVisible();
  await hr.getByRole("button", { name: "Nazicht afgerond" }).click();
  await hr.getByRole("dialog", { name: "Nazicht afgerond" }).getByRole("button", { name: "Nazicht afgerond" }).click();
  await expect(hr.getByRole("status").filter({ hasText: "Het nazicht van dit rapport is afgerond" })).toBeVisible();

  // Step 3 (HR): template filled, accepted and submitted.
  await hr.goto(step(3));
  const template = await downloadWorkbook(hr, "Arbeidsplaatssjabloon downloaden (.xlsx)");
  const greenLines = fillTemplate(template.book);
  await uploadWorkbook(hr, "Ingevuld sjabloon opladen", "sjabloon.xlsx", template.book);
  await hr.getByRole("button", { name: "Aanvaarden" }).click();
  await expect(hr.getByText("Verwerkt", { exact: true })).toBeVisible();
  await hr.getByRole("button", { name: "Sjabloon indienen" }).click();
  await hr.getByRole("dialog", { name: "Sjabloon indienen" }).getByRole("button", { name: "Sjabloon indienen" }).click();
  await expect(hr.getByRole("status").filter({ hasText: "Het sjabloon is ingediend" })).toBeVisible();

  // Step 4 (expert).
  await expert.goto(step(4));
  await expert.getByRole("button", { name: "Stap 4 uitvoeren" }).click();
  await expert.getByRole("dialog", { name: "Stap 4 uitvoeren" }).getByRole("button", { name: "Stap 4 uitvoeren" }).click();
  await waitForRun(expert, /arbeidsplaatsen? gemaakt/);
  const created = Number(/(\d+) arbeidsplaatsen? gemaakt/.exec((await expert.getByRole("region", { name: "Uitvoeringen" }).getByText(/arbeidsplaatsen? gemaakt/).first().textContent()) ?? "")?.[1]);

  // Step 5 (HR): the control report filled from its hints, first with an unknown Vlimpers number.
  await hr.goto(step(5));
  await expect(hr.getByRole("status").filter({ hasText: "Stap 5 wacht op de entiteit" })).toBeVisible();
  await expect(hr.getByRole("region", { name: "Laatste upload" })).toContainText("Er is nog geen ingevuld controlerapport opgeladen.");
  const report = await downloadWorkbook(hr, "Controlerapport downloaden (.xlsx)");
  const given = fillControlReport(report.book);
  const reportSheet = report.book.getWorksheet("Controlerapport")!;
  const kept = reportSheet.getRow(2).getCell(controlColumn("vlimpers")).value;
  reportSheet.getRow(2).getCell(controlColumn("vlimpers")).value = "999999";
  await uploadWorkbook(hr, "Ingevuld controlerapport opladen", "controlerapport-fout.xlsx", report.book);
  await expect(hr.getByRole("table", { name: "Problemen per rij en kolom" }).getByRole("row", { name: /999999/ })).toBeVisible();
  reportSheet.getRow(2).getCell(controlColumn("vlimpers")).value = kept;
  await uploadWorkbook(hr, "Ingevuld controlerapport opladen", "controlerapport.xlsx", report.book);
  await hr.getByRole("button", { name: "Aanvaarden" }).click();
  await expect(hr.getByText("Verwerkt", { exact: true })).toBeVisible();
  await hr.getByRole("button", { name: "Controlerapport indienen" }).click();
  await hr.getByRole("dialog", { name: "Controlerapport indienen" }).getByRole("button", { name: "Controlerapport indienen" }).click();
  await expect(hr.getByRole("status").filter({ hasText: "Het controlerapport is ingediend" })).toBeVisible();
  // Once submitted the report can no longer be confirmed; its figures still speak of positions, not of a personnel list.
  const latestUpload = hr.getByRole("region", { name: "Laatste upload" });
  await expect(latestUpload.getByText("Met personeelslid", { exact: true })).toBeVisible();
  await expect(latestUpload).not.toContainText("personeelslijst");

  // Step 6 (expert): the links, and the onboarding is complete.
  await expert.goto(step(6));
  await expect(expert.getByText(new RegExp(`${given} koppelingen? worden gemaakt`))).toBeVisible();
  await expert.getByRole("button", { name: "Stap 6 uitvoeren" }).click();
  await expert.getByRole("dialog", { name: "Stap 6 uitvoeren" }).getByRole("button", { name: "Stap 6 uitvoeren" }).click();
  await waitForRun(expert, new RegExp(`${given} koppelingen? gemaakt`));
  await expect(expert.getByRole("status").filter({ hasText: "Alle zes stappen zijn doorlopen" })).toBeVisible();
  await expert.screenshot({ path: "test-results/step6-complete.png", fullPage: true });

  // The numbers of the final state against the data: every green line got a position, every requested one a person.
  expect(planned).toBeGreaterThan(0);
  expect(created).toBe(greenLines - (await countPrefilledNo(template.book)));
  expect(given).toBe(created);
  await hr.goto(entityUrl);
  await expect(hr.getByRole("listitem").filter({ hasText: "Automatische koppeling" }).getByText("Klaar")).toBeVisible();
  const timeline = hr.getByRole("region", { name: "Tijdlijn" });
  await expect(timeline.getByText(/Stap 6 uitgevoerd: \d+ koppelingen? gemaakt/)).toBeVisible();
  await expect(timeline.getByText(/controlerapport-fout\.xlsx opgeladen \(controlerapport\): geweigerd/)).toBeVisible();
  await hr.screenshot({ path: "test-results/entity-complete.png", fullPage: true });

  // The progress board shows the entity complete, with its blue and green lines; it downloads as xlsx.
  await expert.getByRole("link", { name: "Stand van zaken", exact: true }).click();
  await expect(expert.getByRole("heading", { level: 1, name: "Stand van zaken" })).toBeVisible();
  await expert.getByRole("searchbox", { name: "Zoek op naam of code" }).fill("DFB");
  const row = expert.getByRole("table", { name: "Voortgang per entiteit" }).getByRole("row", { name: new RegExp(ENTITY) });
  // A complete onboarding reads as on the home page and in the download: no "step 7" of six.
  await expect(row).toContainText("Aangesloten");
  await expect(row).not.toContainText("Aansluiting voltooid");
  await expect(row.getByRole("cell", { name: String(planned), exact: true })).toBeVisible();
  await expert.screenshot({ path: "test-results/progress-board.png", fullPage: true });
  const board = await downloadWorkbook(expert, "Downloaden als Excel (.xlsx)");
  let boardRow: ExcelJS.Row | undefined;
  board.book.worksheets[0]!.eachRow((r) => {
    if (r.getCell(2).value === "DFB") boardRow = r;
  });
  // Complete reads as on the entities' overview, not as a seventh step of six; no step name or state then.
  expect(boardRow?.getCell(4).value).toBe("Aangesloten");
  expect(boardRow?.getCell(5).value).toBeNull();
});

/** Green lines the template proposed "Nee" for (no longer in service): they get no position. */
async function countPrefilledNo(book: ExcelJS.Workbook): Promise<number> {
  const sheet = book.getWorksheet("Sjabloon")!;
  let count = 0;
  for (let r = 2; sheet.getRow(r).getCell(1).value; r++) if (sheet.getRow(r).getCell(5).value === "Nee") count++;
  return count;
}
