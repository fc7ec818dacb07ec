import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_REGISTRY, ROUTE_REGISTRY } from "./endpoint-registry";

const root = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string, test: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const relative = path.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) out.push(...filesUnder(relative, test));
    else if (test(relative)) out.push(relative);
  }
  return out;
}

/** Every exported server action in the source, with the permission and scope its metadata declares. */
function actionsInSource() {
  const found: Record<string, { permission: string | null; entity: boolean }> = {};
  for (const file of [...filesUnder("lib", (f) => f.endsWith(".ts")), ...filesUnder("app", (f) => /\.tsx?$/.test(f))]) {
    const source = readFileSync(path.join(root, file), "utf8");
    if (!/^["']use server["'];?/m.test(source.split("\n").find((l) => l.trim() !== "") ?? "")) continue;
    for (const match of source.matchAll(/export (?:const|async function) (\w+)/g)) {
      const rest = source.slice(match.index! + match[0].length, match.index! + match[0].length + 400);
      const permission = /permission: "([\w.]+)"/.exec(rest)?.[1] ?? null;
      found[`${file}#${match[1]}`] = { permission, entity: /^\s*=\s*entityAction\(/.test(rest) };
    }
  }
  return found;
}

describe("the endpoint registry", () => {
  it("lists every server action in the source, with the permission and entity scope it declares", () => {
    const source = actionsInSource();
    expect(Object.keys(source).sort()).toEqual(Object.keys(ACTION_REGISTRY).sort());
    for (const [key, declared] of Object.entries(source)) {
      const registered = ACTION_REGISTRY[key]!;
      if (registered.public) {
        expect(declared.permission, key).toBeNull();
        continue;
      }
      expect({ key, permission: declared.permission, entity: declared.entity }).toEqual({ key, permission: registered.permission, entity: Boolean(registered.entity) });
    }
  });

  it("makes every server action file validate with strict schemas only", () => {
    for (const key of Object.keys(ACTION_REGISTRY)) {
      const source = readFileSync(path.join(root, key.split("#")[0]!), "utf8");
      expect(source, key).not.toMatch(/\bz\.object\(/);
    }
  });

  it("lists every route handler and method", () => {
    const routes: Record<string, string[]> = {};
    for (const file of filesUnder("app", (f) => f.endsWith("route.ts"))) {
      const pattern = `/${path.dirname(file).split(path.sep).slice(1).filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
      const source = readFileSync(path.join(root, file), "utf8");
      const methods = [...source.matchAll(/export (?:async function (GET|POST|PUT|PATCH|DELETE)\b|const \{([^}]*)\})/g)].flatMap((m) =>
        m[1] ? [m[1]] : m[2]!.split(",").map((s) => s.trim()),
      );
      routes[pattern] = methods.sort();
    }
    expect(routes).toEqual(Object.fromEntries(Object.entries(ROUTE_REGISTRY).map(([p, m]) => [p, Object.keys(m).sort()])));
  });
});
