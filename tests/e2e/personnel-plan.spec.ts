import { expect, test } from "@playwright/test";
import { brusselsDay } from "./support/dates";
import { openEntity, signInAsDemo } from "./support/demo";

test("an HR officer keeps the personnel plan: creates, changes, freezes, links, unlinks and abolishes a position", async ({ page }) => {
  // Follows onboarding-golden-path.spec: the plan of Departement Financiën en Begroting has positions and links.
  await signInAsDemo(page, "hr.dfb@demo.vlaanderen.be");
  await openEntity(page, "Departement Financiën en Begroting");
  await page.getByRole("link", { name: "Personeelsplan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personeelsplan" })).toBeVisible();

  // Create: the function code is required and checked; the new position opens.
  await page.getByRole("button", { name: "Arbeidsplaats aanmaken" }).click();
  const create = page.getByRole("dialog", { name: "Arbeidsplaats aanmaken" });
  await create.getByRole("combobox", { name: "Functiecode" }).click();
  await page.getByRole("option").first().click();
  await create.getByRole("textbox", { name: "VTE" }).fill("0,8");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && (r.postData() ?? "").includes("validFrom")),
    create.getByRole("button", { name: "Arbeidsplaats aanmaken" }).click(),
  ]);
  await expect(page.getByRole("heading", { level: 1, name: /^Arbeidsplaats \d+$/ })).toBeVisible();
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Arbeidsplaats ", "");

  // Change: a new version, visible in the history.
  await page.getByRole("button", { name: "Wijzigen" }).click();
  const change = page.getByRole("dialog", { name: "Wijzigen" });
  await change.getByRole("textbox", { name: "VTE" }).fill("1");
  await change.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText(/^1 VTE, deze versie sinds/)).toBeVisible();

  // Link a relation without a position (the vacant step-5 line of the golden path has none; take one from the report).
  await page.getByRole("button", { name: "Arbeidsrelatie koppelen" }).click();
  const link = page.getByRole("dialog", { name: "Arbeidsrelatie koppelen" });
  await link.getByRole("textbox", { name: "Vlimpersnummer" }).fill("999999");
  await link.getByRole("button", { name: "Arbeidsrelatie koppelen" }).click();
  await expect(link.getByRole("alert")).toContainText("geen arbeidsrelatie 999999/1");
  await page.keyboard.press("Escape");

  // Freeze, then abolish: the badge says so and the actions are gone.
  await page.getByRole("button", { name: "Bevriezen" }).click();
  const freeze = page.getByRole("dialog", { name: "Bevriezen" });
  const tomorrow = brusselsDay(1);
  await freeze.getByLabel("Vanaf").fill(tomorrow);
  await freeze.getByRole("button", { name: "Bevriezen" }).click();
  // The dialog closes once saved; only then is the page's button the one to look at.
  await expect(freeze).toBeHidden();
  await expect(page.getByRole("main").getByRole("button", { name: "Opnieuw activeren" })).toBeVisible();
  await page.getByRole("button", { name: "Afschaffen" }).click();
  const abolish = page.getByRole("dialog", { name: "Afschaffen" });
  const later = brusselsDay(5);
  await abolish.getByLabel("Laatste dag").fill(later);
  await abolish.getByRole("button", { name: "Afschaffen" }).click();
  await expect(page.getByRole("button", { name: "Afschaffen" })).toHaveCount(0);
  // Four dated versions: created, changed, frozen, abolished.
  await expect(page.getByText(/^Versie 4/)).toBeVisible();
  await expect(page.getByText(/^Versie 1/)).toBeVisible();
  await page.screenshot({ path: "test-results/position-page.png", fullPage: true });

  // The list shows it; a manager sees the plan but has no actions.
  await page.getByRole("link", { name: "Personeelsplan" }).click();
  await page.getByRole("textbox", { name: "Zoeken (nummer, functie, eenheid)" }).fill(number);
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page.getByRole("table", { name: "Personeelsplan" }).getByRole("link", { name: number })).toBeVisible();

  // A manager of this entity changes nothing: the same "create" sent with their session is refused on the server.
  await page.context().clearCookies();
  await signInAsDemo(page, "manager@demo.vlaanderen.be");
  const replay = await page.request.post(request.url(), { headers: request.headers(), data: request.postData() ?? "" });
  const answer = await replay.text();
  expect(answer).toContain("forbidden");
  expect(answer).not.toContain("positionId");
});

test("an HR officer links and unlinks a relation on an existing position", async ({ page }) => {
  await signInAsDemo(page, "hr.dfb@demo.vlaanderen.be");
  await openEntity(page, "Departement Financiën en Begroting");
  await page.getByRole("link", { name: "Personeelsplan" }).click();
  await page.getByRole("table", { name: "Personeelsplan" }).getByRole("row").nth(1).getByRole("link").click();
  const occupants = page.getByRole("table", { name: "Bezetting" });
  const person = (await occupants.getByRole("row").nth(1).getByRole("cell").first().textContent())!;
  const [, vlimpers, relation] = /\((\d{6})\/(\d+)\)/.exec(person)!;
  // Unlink the occupant after today (today is their last day), then link them again from tomorrow.
  await occupants.getByRole("row").nth(1).getByRole("button", { name: "Ontkoppelen" }).click();
  const unlink = page.getByRole("dialog", { name: /ontkoppelen/ });
  await unlink.getByRole("button", { name: "Ontkoppelen" }).click();
  await expect(occupants.getByRole("row").nth(1).getByRole("cell").nth(3)).not.toHaveText("—");
  await page.getByRole("button", { name: "Arbeidsrelatie koppelen" }).click();
  const link = page.getByRole("dialog", { name: "Arbeidsrelatie koppelen" });
  await link.getByRole("textbox", { name: "Vlimpersnummer" }).fill(vlimpers!);
  await link.getByRole("textbox", { name: "Arbeidsrelatie" }).fill(relation!);
  await link.getByLabel("Vanaf").fill(brusselsDay(1));
  await link.getByRole("button", { name: "Arbeidsrelatie koppelen" }).click();
  await expect(occupants.getByRole("row")).toHaveCount(3);

  // The relation's page shows the person and both links to this position.
  await occupants.getByRole("link", { name: person }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: person })).toBeVisible();
  await expect(page.getByRole("table", { name: "Arbeidsplaatsen" }).getByRole("row")).toHaveCount(3);
});
