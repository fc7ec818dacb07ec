import { expect, test, type Page } from "@playwright/test";
import { openEntity, signInAsDemo } from "./support/demo";

const ENTITY = "Agentschap Overheidspersoneel";

/** A month at least two months ahead (yyyy-mm), so the slot has not started whatever today is. */
function monthAhead(months: number): { input: string; label: RegExp } {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
  const names = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
  return { input: date.toISOString().slice(0, 7), label: new RegExp(`${names[date.getUTCMonth()]} ${date.getUTCFullYear()}`) };
}

async function currentStepItem(page: Page) {
  return page.getByRole("listitem").and(page.locator('[aria-current="step"]'));
}

test("an expert plans a slot and writes an agreement; the HR officer books the slot, reads the agreement, and tries step 1 in a playground", async ({ browser }) => {
  test.setTimeout(180_000);
  const slot = monthAhead(10); // beyond the demo planning's slots (the next eight months)
  const expertContext = await browser.newContext();
  const hrContext = await browser.newContext();
  const expert = await expertContext.newPage();
  const hr = await hrContext.newPage();

  // The expert sets the deadline and offers a slot with one place.
  await signInAsDemo(expert, "expert@demo.vlaanderen.be");
  await expert.getByRole("link", { name: "Planning" }).click();
  await expect(expert.getByRole("heading", { level: 1, name: "Planning van de aansluitingen" })).toBeVisible();
  await expert.getByLabel("Deadline voor alle aansluitingen").fill(`${Number(slot.input.slice(0, 4)) + 1}-12-31`);
  await expert.getByRole("button", { name: "Deadline bewaren" }).click();
  await expect(expert.getByRole("status").filter({ hasText: "De deadline is bewaard." })).toBeVisible();
  await expert.getByLabel("Maand (jjjj-mm)").fill(slot.input);
  await expert.getByRole("textbox", { name: "Opmerking" }).fill("Eerste golf");
  await expert.getByRole("textbox", { name: "Plaatsen" }).fill("1");
  await expert.getByRole("button", { name: "Slot toevoegen" }).click();
  const slots = expert.getByRole("table", { name: "Slots per maand met de plaatsen die nog vrij zijn" });
  await expect(slots.getByRole("row", { name: slot.label })).toContainText("Eerste golf");

  // The expert records the intake conversation on the entity's page.
  await expert.getByRole("link", { name: "Overzicht" }).click();
  await openEntity(expert, ENTITY);
  await expert.getByText("Afspraak noteren").click();
  await expert.getByRole("textbox", { name: "Titel" }).fill("Intakegesprek met HR");
  await expert.getByRole("textbox", { name: "Afspraken" }).fill("De personeelslijst wordt op de eerste werkdag van de maand aangeleverd.");
  await expert.getByRole("button", { name: "Bewaren" }).click();
  await expect(expert.getByRole("article", { name: "Intakegesprek met HR" })).toContainText("eerste werkdag van de maand");

  // The HR officer reads it (but cannot change it) and books the slot.
  await signInAsDemo(hr, "hr.ago@demo.vlaanderen.be");
  await openEntity(hr, ENTITY);
  const agreement = hr.getByRole("article", { name: "Intakegesprek met HR" });
  await expect(agreement).toContainText("An Peeters");
  await expect(agreement.getByRole("button", { name: /Wijzigen/ })).toHaveCount(0);
  await hr.getByRole("radio", { name: slot.label }).check();
  await hr.getByRole("button", { name: "Slot kiezen" }).click();
  await expect(hr.getByRole("status").filter({ hasText: /gekozen/ })).toBeVisible();
  await expect(hr.getByText(/^Gekozen slot: /)).toContainText(slot.label);

  // The expert sees the slot full and the entity on schedule.
  await expert.getByRole("link", { name: "Planning" }).click();
  await expect(slots.getByRole("row", { name: slot.label })).toContainText("AGO");
  await expect(slots.getByRole("row", { name: slot.label })).toContainText("volzet");
  await expert.getByRole("link", { name: "Stand van zaken", exact: true }).click();
  await expert.getByLabel("Zoek op naam of code").fill("AGO");
  const row = expert.getByRole("table", { name: "Voortgang per entiteit" }).getByRole("row", { name: new RegExp(ENTITY) });
  await expect(row).toContainText("Op schema");
  await expect(row).toContainText(slot.label);

  // The HR officer opens a playground on a copy of the entity and runs step 1 there.
  await hr.getByRole("link", { name: "Speeltuin" }).click();
  await hr.getByLabel("Kopie van").selectOption({ label: `AGO — ${ENTITY}` });
  await hr.getByRole("button", { name: "Speeltuin openen" }).click();
  const banner = hr.getByRole("region", { name: /^SPEELTUIN — je werkt in een kopie van AGO/ });
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(hr).toHaveTitle(/^\[Speeltuin\] /);
  await openEntity(hr, ENTITY);
  await hr.getByRole("link", { name: "Automatische aanmaak en koppeling" }).click();
  await expect(hr).toHaveTitle(/^\[Speeltuin\] Stap 1/);
  await hr.getByRole("button", { name: "Stap 1 uitvoeren" }).click();
  await hr.getByRole("dialog", { name: "Stap 1 uitvoeren" }).getByRole("button", { name: "Stap 1 uitvoeren" }).click();
  await expect(hr.getByRole("region", { name: "Uitvoeringen" }).getByText(/\d+ arbeidsplaatsen? aangemaakt/)).toBeVisible({ timeout: 60_000 });
  await hr.screenshot({ path: "test-results/playground-step1.png", fullPage: true });
  await hr.getByRole("link", { name: ENTITY }).click();
  await expect(await currentStepItem(hr)).toContainText("Rapport nakijken en corrigeren");

  // Nothing happened for real: the expert still sees the entity at step 1.
  await expert.getByRole("link", { name: "Overzicht" }).click();
  await openEntity(expert, ENTITY);
  await expect(await currentStepItem(expert)).toContainText("Automatische aanmaak en koppeling");

  // Back to the start with one click, then out of the playground.
  await banner.getByRole("button", { name: "Terug naar het begin" }).click();
  await hr.getByRole("dialog", { name: "Terug naar het begin" }).getByRole("button", { name: "Terug naar het begin" }).click();
  await expect(banner.getByRole("status")).toHaveText("De speeltuin staat terug aan het begin.");
  await hr.reload();
  await expect(await currentStepItem(hr)).toContainText("Automatische aanmaak en koppeling");
  // A second tab on the playground follows when the first one leaves it (it reloads on real data).
  const otherTab = await hrContext.newPage();
  await otherTab.goto(hr.url());
  const otherBanner = otherTab.getByRole("region", { name: /^SPEELTUIN — / });
  await expect(otherBanner).toBeVisible();
  await banner.getByRole("button", { name: "Speeltuin verlaten" }).click();
  await expect(hr.getByRole("heading", { level: 1, name: "Speeltuin" })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(hr).not.toHaveTitle(/Speeltuin\]/);
  await expect(otherBanner).toHaveCount(0);
  await otherTab.close();

  // The HR officer goes back in and leaves the entity's page open there.
  await hr.getByRole("button", { name: `Betreden: AGO — ${ENTITY}` }).click();
  await expect(banner).toBeVisible();
  await openEntity(hr, ENTITY);

  // The expert sees the playground among all playgrounds, and removes it.
  await expert.getByRole("link", { name: "Speeltuin" }).click();
  const all = expert.getByRole("table", { name: "Alle speeltuinen" });
  await expect(all.getByRole("row", { name: /Dirk Wouters/ })).toBeVisible();
  await expert.screenshot({ path: "test-results/playground-admin.png", fullPage: true });
  await all.getByRole("button", { name: /Verwijderen: AGO .*Dirk Wouters/ }).click();
  await expert.getByRole("dialog", { name: "Verwijderen" }).getByRole("button", { name: "Verwijderen" }).click();
  await expect(all).toHaveCount(0);

  // The HR officer's page still shows the playground: a change from it is refused, not made on real data.
  await hr.getByRole("button", { name: "Personeelslijst exporteren (.xlsx)" }).click();
  await expect(hr.getByText(/De speeltuin waarin je werkte bestaat niet meer/)).toBeVisible();
  await hr.reload();
  await expect(banner).toHaveCount(0);
  await expect(hr.getByText(/^Gekozen slot: /)).toContainText(slot.label);

  await expertContext.close();
  await hrContext.close();
});
