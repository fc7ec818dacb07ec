import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FRAME_NAMESPACES, pickNamespaces } from "./client-namespaces";
import { clientNamespacesOf } from "./test-support/client-namespace-scan";

const root = path.resolve(import.meta.dirname, "../..");
const nl = JSON.parse(readFileSync(path.join(root, "messages", "nl-BE.json"), "utf8")) as Record<string, unknown>;

function files(dir: string, name: RegExp): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full, name) : name.test(entry) ? [full] : [];
  });
}

/** The namespaces a page passes to <ClientMessages namespaces={[...]}>; null when it renders none. */
function declaredBy(source: string): string[] | null {
  const m = /<ClientMessages namespaces=\{\[([^\]]*)\]\}/.exec(source);
  return m ? [...m[1]!.matchAll(/["']([^"']+)["']/g)].map((x) => x[1]!) : null;
}

const appPages = files(path.join(root, "app"), /^page\.tsx$/).filter((f) => !f.includes(`${path.sep}(bench)${path.sep}`));
const frames = [path.join(root, "app", "(app)", "layout.tsx"), path.join(root, "app", "signin", "layout.tsx"), ...files(path.join(root, "app"), /^(not-found|error|loading)\.tsx$/)];

describe("the browser gets the messages its client components use, and only those namespaces", () => {
  it.each(appPages.map((f) => [path.relative(root, f), f]))("%s passes every namespace its client components use", (_name, file) => {
    const { namespaces, unknown } = clientNamespacesOf(file, root);
    expect(unknown, "translation keys the scan cannot read").toEqual([]);
    const declared = declaredBy(readFileSync(file, "utf8"));
    const needed = [...namespaces].filter((n) => !FRAME_NAMESPACES.includes(n)).sort();
    if (needed.length === 0 && declared === null) return;
    expect(declared, "the page renders <ClientMessages namespaces={[...]}>").not.toBeNull();
    expect(needed.filter((n) => !declared!.includes(n)), "namespaces missing from the page's ClientMessages").toEqual([]);
  });

  it("the frame's client components find theirs in FRAME_NAMESPACES", () => {
    for (const file of frames) {
      const { namespaces, unknown } = clientNamespacesOf(file, root);
      expect(unknown).toEqual([]);
      expect([...namespaces].filter((n) => !FRAME_NAMESPACES.includes(n)), path.relative(root, file)).toEqual([]);
    }
  });

  it("every namespace named exists, and picking keeps the frame's", () => {
    for (const n of FRAME_NAMESPACES) expect(nl[n], n).toBeTypeOf("object");
    for (const file of appPages) for (const n of declaredBy(readFileSync(file, "utf8")) ?? []) expect(nl[n], `${path.relative(root, file)}: ${n}`).toBeTypeOf("object");
    expect(Object.keys(pickNamespaces(nl, ["step2", "table"])).sort()).toEqual([...FRAME_NAMESPACES, "step2", "table"].sort());
  });

  it("the scan sees a namespace through a chain of imports into client code", () => {
    const home = clientNamespacesOf(path.join(root, "app", "(app)", "entities", "[entityId]", "steps", "2", "page.tsx"), root);
    expect(home.namespaces.has("step2")).toBe(true);
  });
});
