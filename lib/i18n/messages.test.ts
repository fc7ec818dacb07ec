import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const messages = (locale: string) => JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Record<string, unknown>;

function keys(tree: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === "object" ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function strings(tree: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === "object" ? strings(value as Record<string, unknown>, `${prefix}${key}.`) : [[`${prefix}${key}`, String(value)] as [string, string]],
  );
}

/** The polite form ("u", "uw") where the house tone is "je": a Dutch word after it, or a verb before it. */
const POLITE = /(?<![\p{L}\d_.$])(?:[Uu]w?\s+(?:het|de|een|mag|kunt|moet|hebt|heeft|wilt|kan|zal|lijst|bestand|gegevens|entiteit|account|keuze|wijzigingen)\b|\b(?:wacht op|waarop|verdeelt|kunt|hebt|wilt|moet|mag|ziet|vindt|kiest)\s+u\b)/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

describe("messages", () => {
  it("nl-BE and en have the same keys", () => {
    expect(keys(messages("en")).sort()).toEqual(keys(messages("nl-BE")).sort());
  });

  it("address the user as 'je' in every Dutch message", () => {
    const polite = strings(messages("nl-BE")).filter(([, text]) => POLITE.test(text));
    expect(polite).toEqual([]);
  });

  it("address the user as 'je' in the Dutch texts written in code (upload errors, domain refusals)", () => {
    const found = ["lib", "app", "components"]
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, index) => ({ where: `${path.relative(root, file)}:${index + 1}`, line }))
          .filter(({ line }) => POLITE.test(line)),
      );
    expect(found).toEqual([]);
  });

  it("the pattern finds the polite form it is meant to find", () => {
    expect(POLITE.test("Controleer of u het juiste bestand gekozen hebt.")).toBe(true);
    expect(POLITE.test("stap 1 wacht op u (Automatische aanmaak)")).toBe(true);
    expect(POLITE.test("Is uw lijst korter")).toBe(true);
    expect(POLITE.test("left join org_units u on u.id = v.org_unit_id")).toBe(false);
    expect(POLITE.test("stap 1 wacht op je")).toBe(false);
  });
});
