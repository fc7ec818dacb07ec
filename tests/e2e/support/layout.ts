import { expect, type Locator, type Page } from "@playwright/test";

/**
 * No text on the page is cut off: no element that clips its text with an ellipsis (or hides what
 * overflows) holds more than it shows. Returns nothing; fails with the texts that are cut.
 */
export async function expectNothingCutOff(page: Page) {
  const cut = await page.locator("main").evaluate((main) =>
    [...main.querySelectorAll<HTMLElement>("*")]
      .filter((el) => {
        const style = getComputedStyle(el);
        const clips = style.textOverflow === "ellipsis" || style.overflowX === "hidden" || style.overflow === "hidden";
        // Visually hidden text (for screen readers) is one pixel wide on purpose.
        return clips && el.clientWidth > 1 && el.childElementCount === 0 && (el.textContent ?? "").trim() !== "" && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => el.textContent!.trim()),
  );
  expect(cut, "texts cut off on the page").toEqual([]);
}

/** The table fits its place: no sideways scrolling, and the named column headers are on screen. */
export async function expectTableFits(page: Page, table: Locator, headers: readonly string[]) {
  const overflow = await table.evaluate((el) => {
    let box: HTMLElement | null = el.parentElement;
    while (box && getComputedStyle(box).overflowX !== "auto" && getComputedStyle(box).overflowX !== "scroll") box = box.parentElement;
    return { scroll: (box ?? el).scrollWidth, client: (box ?? el).clientWidth, table: el.getBoundingClientRect().width };
  });
  expect(overflow.scroll, `table scrolls sideways (${overflow.scroll} px in ${overflow.client} px)`).toBeLessThanOrEqual(overflow.client + 1);
  const viewport = page.viewportSize()!.width;
  for (const name of headers) {
    const box = await table.getByRole("columnheader", { name }).first().boundingBox();
    expect(box, `column ${name}`).not.toBeNull();
    expect(box!.x + box!.width, `column ${name} ends within the screen`).toBeLessThanOrEqual(viewport);
  }
}
