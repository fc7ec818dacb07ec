/**
 * The authorisation matrix: every server action in the running build and every route handler is
 * called as anonymous, central expert, HR officer of the entity, HR officer of another entity and
 * manager, and must allow or refuse as lib/server/endpoint-registry.ts and the permission map say.
 * Actions are called with an extra input field, which the strict schemas refuse after
 * authorisation: an allowed call answers with validation errors and changes nothing.
 */
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ACTION_REGISTRY, ROUTE_REGISTRY, type EndpointAccess } from "../../lib/server/endpoint-registry";
import { PERMISSIONS, type Role } from "../../lib/auth/permissions";
import { signInAsDemo } from "./support/demo";

type Outcome = "unauthenticated" | "forbidden" | "not_found" | "allowed";
interface Caller {
  name: string;
  email: string | null;
  role: Role | null;
  /** Entity codes of the caller's grants; null: every entity. */
  entities: string[] | null;
}

const TARGET = "DFB";
const CALLERS: Caller[] = [
  { name: "anonymous", email: null, role: null, entities: [] },
  { name: "central expert", email: "expert@demo.vlaanderen.be", role: "central_expert", entities: null },
  { name: "HR officer of the entity", email: "hr.dfb@demo.vlaanderen.be", role: "entity_hr", entities: ["DFB"] },
  { name: "HR officer of another entity", email: "hr.ago@demo.vlaanderen.be", role: "entity_hr", entities: ["AGO"] },
  { name: "manager", email: "manager@demo.vlaanderen.be", role: "manager", entities: ["DFB", "DOMG", "VMM"] },
];

function expected(access: EndpointAccess, caller: Caller): Outcome {
  if (access.public) return "allowed";
  if (!caller.role) return "unauthenticated";
  const permissions = access.permissions ?? [access.permission!];
  if (!permissions.every((p) => (PERMISSIONS[p] as readonly Role[]).includes(caller.role!))) return "forbidden";
  if (access.entity && caller.entities !== null && !caller.entities.includes(TARGET)) return "not_found";
  return "allowed";
}

interface ManifestAction {
  id: string;
  key: string;
  page: string;
}

/** The server actions of the build, each with a page that carries it. */
function buildActions(): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    // The page with the fewest path parameters; [entityId] is filled with the target entity.
    const page = Object.keys(entry.workers)
      .filter((w) => w.startsWith("app/") && w.endsWith("/page"))
      .sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0) || a.length - b.length)[0]!;
    return { id, key: `${entry.filename}#${entry.exportedName}`, page };
  });
}

function pageUrl(page: string, entityId: string): string {
  const segments = page.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.map((s) => (s === "[entityId]" ? entityId : s.startsWith("[") ? "00000000-0000-4000-8000-000000000000" : s)).join("/")}`;
}

async function callAction(request: APIRequestContext, action: ManifestAction, entityId: string, headers: Record<string, string> = {}) {
  const response = await request.post(pageUrl(action.page, entityId), {
    headers: { "next-action": action.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", ...headers },
    data: JSON.stringify([{ entityId, __matrixProbe: true }]),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

function outcomeOfAction(text: string): Outcome | `unexpected: ${string}` {
  const code = /"code":"(unauthenticated|forbidden|not_found)"/.exec(text)?.[1] as Outcome | undefined;
  if (code) return code;
  if (text.includes("validationErrors")) return "allowed";
  return `unexpected: ${text.slice(0, 300)}`;
}

/**
 * A refusal for a foreign entity reads exactly like an entity that does not exist ("Niet
 * gevonden."); an allowed caller may still get a 404 that says why (no report yet, no such file).
 */
function outcomeOfStatus(status: number, body: string): Outcome {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404 && body.includes('"message":"Niet gevonden."')) return "not_found";
  return "allowed";
}

async function contexts(browser: Browser) {
  const requests = new Map<string, APIRequestContext>();
  for (const caller of CALLERS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (caller.email) await signInAsDemo(page, caller.email);
    else await page.goto("/signin");
    requests.set(caller.name, page.request);
  }
  return requests;
}

test.describe("authorisation matrix", () => {
  let requests: Map<string, APIRequestContext>;
  let entityId: string;

  test.beforeAll(async ({ browser }) => {
    requests = await contexts(browser);
    const jobs = await requests.get("central expert")!.get("/api/progress");
    expect(jobs.status()).toBe(200);
    const page = await (await browser.newContext()).newPage();
    await signInAsDemo(page, "expert@demo.vlaanderen.be");
    const href = await page.getByRole("table").getByRole("link", { name: /\(DFB\)/ }).first().getAttribute("href");
    entityId = href!.split("/").pop()!;
  });

  test("every server action of the build is in the registry, and the registry holds nothing else", () => {
    const inBuild = buildActions().map((a) => a.key).sort();
    expect(inBuild).toEqual(Object.keys(ACTION_REGISTRY).sort());
  });

  test("every server action allows or refuses each caller as the permission map says", async () => {
    test.setTimeout(180_000);
    const mismatches: string[] = [];
    for (const action of buildActions()) {
      const access = ACTION_REGISTRY[action.key]!;
      if (access.public) continue; // sign-in, sign-out and language: open to all by design
      for (const caller of CALLERS) {
        const { text } = await callAction(requests.get(caller.name)!, action, entityId);
        const got = outcomeOfAction(text);
        const want = expected(access, caller);
        if (got !== want) mismatches.push(`${action.key} as ${caller.name}: expected ${want}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("every route handler allows or refuses each caller as the permission map says", async () => {
    test.setTimeout(180_000);
    const mismatches: string[] = [];
    const fill = (pattern: string) =>
      pattern
        .replace("[entityId]", entityId)
        .replace("[kind]", "grades")
        .replace(/\[(fileId|jobRunId)\]/, "00000000-0000-4000-8000-000000000000");
    for (const [pattern, methods] of Object.entries(ROUTE_REGISTRY)) {
      for (const [method, access] of Object.entries(methods)) {
        if (access.public) continue;
        for (const caller of CALLERS) {
          const request = requests.get(caller.name)!;
          const url = fill(pattern);
          const response = method === "GET" ? await request.get(url, { maxRedirects: 0 }) : await request.post(url, { data: "", maxRedirects: 0 });
          const got = outcomeOfStatus(response.status(), await response.text());
          const want = expected(access, caller);
          if (got !== want) mismatches.push(`${method} ${pattern} as ${caller.name}: expected ${want}, got ${got} (${response.status()})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("forged headers, a foreign Origin and prefetch requests change nothing", async () => {
    const anonymous = requests.get("anonymous")!;
    const other = requests.get("HR officer of another entity")!;
    // The middleware-subrequest header (CVE-2025-29927) does not skip authorisation.
    for (const url of ["/api/progress", `/api/entities/${entityId}/step2-report`]) {
      const response = await anonymous.get(url, { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } });
      expect(response.status(), url).toBe(401);
    }
    // A prefetch or RSC request for another entity's page gets no data.
    const rsc = await other.get(`/entities/${entityId}`, { headers: { rsc: "1", "next-router-prefetch": "1" } });
    expect(await rsc.text()).not.toContain("Departement Financiën en Begroting");
    // A server action from a foreign page is refused before it runs.
    const action = buildActions().find((a) => a.key.endsWith("#exportRelationsAction"))!;
    const foreign = await callAction(requests.get("central expert")!, action, entityId, { origin: "https://evil.example" });
    expect(foreign.text).not.toContain("validationErrors");
    expect(foreign.text).not.toContain("jobRunId");
  });
});

test.describe("uploads over the limit", () => {
  test("every upload route answers 413 for a body over 20 MB, and the server stays up", async ({ page }) => {
    await signInAsDemo(page, "expert@demo.vlaanderen.be");
    const href = await page.getByRole("table").getByRole("link", { name: /\(DFB\)/ }).first().getAttribute("href");
    const entityId = href!.split("/").pop()!;
    const routes = Object.keys(ROUTE_REGISTRY).filter((p) => /uploads|imports/.test(p) && ROUTE_REGISTRY[p]!.POST);
    expect(routes.length).toBe(4);
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    for (const pattern of routes) {
      const url = pattern.replace("[entityId]", entityId).replace("[kind]", "grades");
      const response = await page.request.post(url, { multipart: { file: { name: "lijst.xlsx", mimeType: "application/octet-stream", buffer: big } } });
      expect(response.status(), url).toBe(413);
      expect(await response.text(), url).toMatch(/groter dan 20 MB/);
    }
    expect((await page.request.get("/api/health")).status()).toBe(200);
  });
});
