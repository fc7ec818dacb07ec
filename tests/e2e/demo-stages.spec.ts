import { expect, test, type Page } from "@playwright/test";
import { signInAsDemo } from "./support/demo";
import { expectNothingCutOff, expectTableFits } from "./support/layout";

/**
 * A newcomer's first look at a fresh `npm start`: the demo data set shows entities at every stage
 * (lib/demo/stages.ts), and each role finds them. Screenshots go to test-results/demo-*.png.
 * Runs before the walkthroughs that change the data (files run in name order).
 */
test.use({ viewport: { width: 1440, height: 900 } });

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/demo-${name}.png`, fullPage: true });

async function openEntityPage(page: Page, name: string) {
  await page.goto("/");
  await page.getByRole("table").getByRole("link", { name: new RegExp(`^${name} \\(`) }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("the sign-in page names each demo account's entities, and the site has an icon", async ({ page, request }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /Aanmelden als Greet Vermeulen/ })).toContainText(
    "HR-medewerker entiteit: Agentschap Binnenlands Bestuur, Agentschap Digitaal Vlaanderen, Agentschap Facilitair Bedrijf, Agentschap Justitie en Handhaving",
  );
  await expect(page.getByRole("button", { name: /Aanmelden als An Peeters/ })).toContainText("alle entiteiten");
  await shot(page, "signin");
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test("the central expert finds every stage: on the home page, the progress board and the steps' pages", async ({ page }) => {
  await signInAsDemo(page, "expert@demo.vlaanderen.be");
  const actions = page.getByRole("region", { name: "Actie vereist" });
  // Entities waiting for the same step make one line that opens on their list.
  const stepOne = actions.getByText(/^\d+ entiteiten wachten op stap 1 \(Automatische aanmaak en koppeling\)$/);
  await expect(stepOne).toBeVisible();
  await expect(actions.getByRole("link", { name: "Departement Financiën en Begroting" })).toBeHidden();
  await stepOne.click();
  await expect(actions.getByRole("link", { name: "Departement Financiën en Begroting" })).toBeVisible();
  await expect(actions.getByRole("link", { name: /^Departement Economie, Wetenschap en Innovatie: stap 4 is mislukt/ })).toBeVisible();
  await expect(actions.getByRole("link", { name: /^Agentschap Innoveren en Ondernemen: stap 4 wacht op je/ })).toBeVisible();
  await expect(actions.getByRole("link", { name: /^Sport Vlaanderen: stap 6 wacht op je/ })).toBeVisible();
  const entities = page.getByRole("table", { name: "Alle entiteiten" });
  await expect(entities.getByRole("row", { name: /Agentschap Facilitair Bedrijf/ })).toContainText("Aangesloten");
  await expect(entities.getByRole("row", { name: /Vlaamse Belastingdienst/ })).toContainText("Aangesloten");
  await expect(entities.getByRole("row", { name: /Agentschap Binnenlands Bestuur/ })).toContainText("Stap 5 Wacht op entiteit");
  await expectNothingCutOff(page);
  await shot(page, "home-expert");

  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Stand van zaken" }).click();
  const board = page.getByRole("table", { name: /Voortgang/ });
  for (const [entity, step] of [
    ["Agentschap Digitaal Vlaanderen", "Stap 2"],
    ["Agentschap Justitie en Handhaving", "Stap 3"],
    ["Agentschap Innoveren en Ondernemen", "Stap 4"],
    ["Agentschap Binnenlands Bestuur", "Stap 5"],
    ["Sport Vlaanderen", "Stap 6"],
    ["Agentschap Facilitair Bedrijf", "Aangesloten"],
  ] as const) {
    await expect(board.getByRole("row", { name: new RegExp(entity) })).toContainText(step);
  }
  await expect(board.getByRole("row", { name: /Departement Economie, Wetenschap en Innovatie/ })).toContainText("Mislukt");
  await expectNothingCutOff(page);
  await shot(page, "progress");

  // The failed run says why, and what to do.
  await openEntityPage(page, "Departement Economie, Wetenschap en Innovatie");
  await page.getByRole("link", { name: "Aanmaak uit sjabloon en controlerapport" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /niet meer actief zijn \(organisatie-eenheid / })).toBeVisible();
  await shot(page, "step4-failed");

  // After step 1 ran, its page gives the run's figures and offers no new run once the onboarding is further.
  await openEntityPage(page, "Agentschap Facilitair Bedrijf");
  await page.getByRole("link", { name: "Automatische aanmaak en koppeling" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Stap 1 is uitgevoerd/ })).toContainText(/werden [\d.]+ arbeidsplaatsen aangemaakt en gekoppeld; \d+ arbeidsrelaties gingen naar stap 3/);
  await expect(page.getByText(/^0 arbeidsplaatsen/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Stap 1 uitvoeren" })).toHaveCount(0);
  await expect(page.getByText(/Stap 1 kan nu niet opnieuw lopen: de aansluiting is voltooid/)).toBeVisible();
  await shot(page, "step1-after-run");

  // The reopened step says who reopened it and why.
  await openEntityPage(page, "Departement Werk en Sociale Economie");
  await expect(page.getByText(/Stap 5 heropend: Twee personeelsleden kregen elkaars arbeidsplaats/)).toBeVisible();
});

test("an HR officer of four agencies finds each at its own stage, and the step-2 report fits the screen", async ({ page }) => {
  await signInAsDemo(page, "hr.kbbj@demo.vlaanderen.be");
  const actions = page.getByRole("region", { name: "Actie vereist" });
  await expect(actions.getByRole("link", { name: /^Agentschap Digitaal Vlaanderen: stap 2 wacht op je/ })).toBeVisible();
  await expect(actions.getByRole("link", { name: /^Agentschap Justitie en Handhaving: stap 3 wacht op je/ })).toBeVisible();
  await expect(actions.getByRole("link", { name: /^Agentschap Binnenlands Bestuur: stap 5 wacht op je/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Mijn entiteiten" }).getByRole("row")).toHaveCount(5);
  await expectNothingCutOff(page);
  await shot(page, "home-hr");

  await actions.getByRole("link", { name: /^Agentschap Digitaal Vlaanderen: stap 2/ }).click();
  const report = page.getByRole("table", { name: "Stap 2: rapport nakijken en corrigeren" });
  await expect(report.getByRole("row").nth(1)).toBeVisible();
  await expectTableFits(page, report, ["Reden", "Acties"]);
  await shot(page, "step2");

  await page.goto("/");
  await actions.getByRole("link", { name: /^Agentschap Justitie en Handhaving: stap 3/ }).click();
  await expect(page.getByText(/Misschien/).or(page.getByText(/fouten?/)).first()).toBeVisible();
  await shot(page, "step3");

  await page.goto("/");
  await actions.getByRole("link", { name: /^Agentschap Binnenlands Bestuur: stap 5/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Stap 5/ })).toBeVisible();
  // A few chosen so far: one click gives each other position the person named for it in step 3.
  const assigned = page.getByRole("region", { name: "Arbeidsplaatsen en personeelsleden" }).locator("dt", { hasText: /^Met personeelslid$/ }).locator("xpath=following-sibling::dd[1]");
  const chosenBefore = Number((await assigned.textContent())!.replace(/\D/g, ""));
  await page.getByRole("region", { name: "Overnemen uit stap 3" }).getByRole("button", { name: "Overnemen uit stap 3" }).click();
  await page.getByRole("dialog", { name: "Overnemen uit stap 3" }).getByRole("button", { name: "Overnemen uit stap 3" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Overgenomen." })).toBeVisible();
  await expect.poll(async () => Number((await assigned.textContent())!.replace(/\D/g, ""))).toBeGreaterThan(chosenBefore);
  // The page refreshed with nothing left to take over; the confirmation stays.
  const takeOver = page.getByRole("region", { name: "Overnemen uit stap 3" });
  await expect(takeOver.getByText(/^Er valt niets meer over te nemen uit stap 3/)).toBeVisible();
  await expect(takeOver.getByRole("status")).toHaveText(/^Overgenomen\./);
  await expect(takeOver.getByRole("button", { name: "Overnemen uit stap 3" })).toHaveCount(0);
  await shot(page, "step5");

  // After its onboarding, HFB keeps its personnel plan: shared, frozen, abolished and planned positions.
  await openEntityPage(page, "Agentschap Facilitair Bedrijf");
  await page.getByRole("link", { name: "Personeelsplan" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Personeelsplan" })).toBeVisible();
  // The shared position is one the template created, a few pages in: page until its status shows.
  const table = page.getByRole("table");
  const overOccupied = table.getByText("Bovenformatief", { exact: true });
  for (let pageNumber = 1; pageNumber < 10 && (await overOccupied.count()) === 0; pageNumber++) {
    await page.getByRole("link", { name: "Volgende" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]page=${pageNumber}(&|$)`));
    await expect(table.getByRole("row").nth(1)).toBeVisible();
  }
  await expect(overOccupied.first()).toBeVisible();
  await shot(page, "plan");
});

test("a manager reads onboarded entities' figures and reports, and is invited to change nothing", async ({ page }) => {
  await signInAsDemo(page, "manager@demo.vlaanderen.be");
  const mine = page.getByRole("table", { name: "Mijn entiteiten in cijfers" });
  await expect(mine.getByRole("row", { name: /Vlaamse Belastingdienst/ }).getByRole("cell").nth(3)).not.toHaveText("0");
  await shot(page, "home-manager");
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Rapporten" }).click();
  await expect(page.getByRole("table", { name: /per Entiteit/ }).getByRole("row", { name: /Vlaamse Belastingdienst/ })).toBeVisible();
  await shot(page, "reports-manager");
  for (const name of ["Vlaamse Belastingdienst", "Departement Financiën en Begroting"]) {
    await openEntityPage(page, name);
    await page.getByRole("link", { name: "Personeelsplan" }).first().click();
    await expect(page.getByRole("main")).not.toContainText(/maak er hier een aan|Maak een arbeidsplaats aan/);
    await expect(page.getByRole("button", { name: "Arbeidsplaats aanmaken" })).toHaveCount(0);
  }
});
