import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Follows the imports of a module (the project's own files only) and returns the message namespaces
 * used by client code among them: modules marked "use client" and everything they import.
 */
export function clientNamespacesOf(entry: string, root: string): { namespaces: Set<string>; unknown: string[] } {
  const namespaces = new Set<string>();
  const unknown: string[] = [];
  const seen = new Map<string, boolean>();
  const visit = (file: string, parentIsClient: boolean) => {
    const source = readFileSync(file, "utf8");
    const isClient = parentIsClient || /^\s*["']use client["']/.test(source);
    const before = seen.get(file);
    if (before === true || (before === false && !isClient)) return;
    seen.set(file, isClient);
    if (isClient) for (const found of namespacesIn(source, path.relative(root, file), unknown)) namespaces.add(found);
    for (const specifier of importsOf(source)) {
      const target = resolveImport(specifier, file, root);
      if (target) visit(target, isClient);
    }
  };
  visit(entry, false);
  return { namespaces, unknown };
}

function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm)) if (!m[2]) found.push(m[3]!);
  for (const m of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) found.push(m[1]!);
  for (const m of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  return found;
}

function resolveImport(specifier: string, from: string, root: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Namespaces of useTranslations("ns") and, for useTranslations(), of the literal keys given to that function. */
function namespacesIn(source: string, file: string, unknown: string[]): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/useTranslations\(([^)]*)\)/g)) {
    const argument = m[1]!.trim();
    const literal = /^["']([^"']+)["']$/.exec(argument);
    if (literal) found.push(literal[1]!.split(".")[0]!);
    else if (argument) unknown.push(`${file}: useTranslations(${argument})`);
  }
  for (const m of source.matchAll(/(?:const|let)\s+(\w+)\s*=\s*useTranslations\(\s*\)/g)) {
    const name = m[1]!;
    for (const call of source.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.raw|\\.has)?\\(\\s*([^,)]*)`, "g"))) {
      const key = /^["'`]([A-Za-z0-9_]+)\./.exec(call[1]!.trim());
      if (key) found.push(key[1]!);
      else unknown.push(`${file}: ${name}(${call[1]!.trim()}`);
    }
  }
  return found;
}
