import { expect, test, type Page } from "@playwright/test";
import { openEntity, signInAsDemo } from "./support/demo";

async function entityIdOf(page: Page, name: string): Promise<string> {
  const href = await page.getByRole("table").getByRole("link", { name: new RegExp(name) }).first().getAttribute("href");
  const id = href?.split("/").pop();
  if (!id) throw new Error(`no link for ${name}`);
  return id;
}

test.describe("an HR officer never sees another entity", () => {
  let domgId: string;

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signInAsDemo(page, "expert@demo.vlaanderen.be");
    domgId = await entityIdOf(page, "Departement Omgeving");
    await page.close();
  });

  test("typing another entity's URL answers not found", async ({ page }) => {
    await signInAsDemo(page, "hr.dfb@demo.vlaanderen.be");
    const response = await page.goto(`/entities/${domgId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Niet gevonden" })).toBeVisible();
    await expect(page.getByText("Departement Omgeving")).toHaveCount(0);
    const nonsense = await page.goto("/entities/not-a-uuid");
    expect(nonsense?.status()).toBe(404);
  });

  test("replaying a server action with another entity's id answers not found and starts nothing", async ({ page }) => {
    await signInAsDemo(page, "hr.dfb@demo.vlaanderen.be");
    await openEntity(page, "Departement Financiën en Begroting");
    await expect(page.getByRole("heading", { level: 1, name: "Departement Financiën en Begroting" })).toBeVisible();

    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      page.getByRole("button", { name: "Personeelslijst exporteren (.xlsx)" }).click(),
    ]);
    await expect(page.getByRole("status").filter({ hasText: "De export is gestart" })).toBeVisible();
    const ownBody = request.postData() ?? "";
    const ownId = page.url().split("/").pop()!;
    expect(ownBody).toContain(ownId);

    const replay = await page.request.post(request.url(), {
      headers: { ...request.headers(), "content-type": request.headers()["content-type"] ?? "text/plain;charset=UTF-8" },
      data: ownBody.replace(ownId, domgId),
    });
    const answer = await replay.text();
    expect(answer).toContain("not_found");
    expect(answer).not.toContain("jobRunId");

    // Extra fields are refused by the strict input schema, whoever sends them.
    const extra = await page.request.post(request.url(), {
      headers: request.headers(),
      data: ownBody.replace(`"entityId":"${ownId}"`, `"entityId":"${ownId}","role":"central_expert"`),
    });
    expect(await extra.text()).not.toContain("jobRunId");

    // The central expert's job list shows no export for the other entity.
    await page.context().clearCookies();
    await signInAsDemo(page, "expert@demo.vlaanderen.be");
    const jobs = (await (await page.request.get("/api/jobs")).json()) as { jobs: { entityId: string }[] };
    expect(jobs.jobs.some((j) => j.entityId === domgId)).toBe(false);
    expect(jobs.jobs.some((j) => j.entityId === ownId)).toBe(true);
  });

  test("a manager cannot download personnel data or start exports", async ({ page }) => {
    await signInAsDemo(page, "manager@demo.vlaanderen.be");
    await openEntity(page, "Departement Financiën en Begroting");
    await expect(page.getByRole("heading", { level: 1, name: "Departement Financiën en Begroting" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Personeelslijst exporteren (.xlsx)" })).toHaveCount(0);
    const anonymous = await page.request.get("/api/files/00000000-0000-4000-8000-000000000000");
    expect(anonymous.status()).toBe(404);
  });
});
