import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";

/** On an entity's page: exports its personnel list through the background job and returns the file. */
export async function exportPersonnelList(page: Page): Promise<Buffer> {
  await page.getByRole("button", { name: "Personeelslijst exporteren (.xlsx)" }).click();
  await page.getByRole("status").getByRole("link", { name: "Achtergrondtaken" }).click();
  const row = page.getByRole("row", { name: /Export personeelslijst/ }).first();
  await expect(row.getByText("Geslaagd")).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: "Downloaden" }).click()]);
  return readFile((await download.path())!);
}

/** On the personnel-list page: uploads a file for its preview. */
export async function uploadPersonnelList(page: Page, name: string, content: Buffer) {
  // Mantine's FileInput shows a button and keeps the real file input hidden.
  await page.getByRole("form", { name: "Nieuwe personeelslijst opladen" }).locator('input[type="file"]').setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: content,
  });
  await page.getByRole("button", { name: "Opladen en controleren" }).click();
}
