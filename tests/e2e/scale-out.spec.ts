/**
 * Two app instances and two workers on one PostgreSQL database, on loopback: a session made on
 * one instance works on the other, a server action works on either, and a job runs exactly once.
 * Both instances run the same build (as they would in production: one build, deployed twice).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_ACCOUNTS } from "../../lib/demo/users";

const root = path.resolve(import.meta.dirname, "../..");
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const NAME = `apb_scale_${process.pid}`;
const DATABASE_URL = (() => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${NAME}`;
  return url.toString();
})();
// 3401-3403 beside the default browser-test port 3100; they move with E2E_APP_PORT.
const PORT_BASE = Number(process.env.E2E_APP_PORT ?? 3100) + 301;
const PORTS = [PORT_BASE, PORT_BASE + 1];
/** A third instance whose AUTH_SECRET is not the others': it must admit nobody with their sessions. */
const MISCONFIGURED_PORT = PORT_BASE + 2;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL,
  DEMO_MODE: "true",
  SEED_SIZE: "small",
  WORKER_IN_PROCESS: "false",
  AUTH_SECRET: "scale-out-secret-shared-by-every-instance-0123",
};
const processes: ChildProcess[] = [];
let output = "";

async function admin(text: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function run(args: string[], extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...env, ...extra }, stdio: ["ignore", "pipe", "pipe"] });
  const label = `[${args.at(-1)}${extra.PORT ? ` ${extra.PORT}` : ""}] `;
  child.stdout!.on("data", (c: Buffer) => (output += label + c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += label + c.toString()));
  processes.push(child);
  return child;
}

async function until(check: () => Promise<boolean>, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not happen within ${ms} ms; the processes said:\n${output.slice(-4000)}`);
}

test.describe("scale-out on one PostgreSQL", () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await admin(`drop database if exists ${NAME} with (force)`);
    await admin(`create database ${NAME}`);
    const prepare = run(["--import", "tsx", "scripts/prepare-database.ts"]);
    expect(await new Promise((resolve) => prepare.on("exit", resolve))).toBe(0);
    const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
    for (const port of PORTS) run([next, "start", "-p", String(port)], { PORT: String(port) });
    for (let i = 0; i < 2; i++) run(["--import", "tsx", "scripts/worker.ts"]);
    run([next, "start", "-p", String(MISCONFIGURED_PORT)], { PORT: String(MISCONFIGURED_PORT), AUTH_SECRET: "a-different-secret-than-the-other-instances-99" });
    for (const port of [...PORTS, MISCONFIGURED_PORT]) await until(async () => (await fetch(`http://localhost:${port}/api/health`)).ok, `instance on ${port} answering`);
  });

  test.afterAll(async () => {
    for (const child of processes) child.kill("SIGKILL");
    await admin(`drop database if exists ${NAME} with (force)`);
  });

  test("a session and server actions work on either instance, and a job runs once", async ({ page }) => {
    const [a, b] = PORTS.map((port) => `http://localhost:${port}`);
    const account = DEMO_ACCOUNTS.find((x) => x.email === "hr.ago@demo.vlaanderen.be")!;
    await page.goto(`${a}/signin`);
    await page.getByRole("button", { name: new RegExp(`Aanmelden als ${account.name}`) }).click();
    await expect(page).toHaveURL(`${a}/`);

    // Cookies belong to the host, not the port: the session made on A is sent to B.
    await page.goto(`${b}/`);
    await expect(page.getByText(account.name).first()).toBeVisible();
    await page.getByRole("table").getByRole("link", { name: /^Agentschap Overheidspersoneel \(/ }).click();
    await page.getByRole("button", { name: "Personeelslijst exporteren (.xlsx)" }).click();
    await expect(page.getByRole("status").filter({ hasText: "De export is gestart" })).toBeVisible();

    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      // Only this export: the demo seed ran the steps' own jobs before.
      const exports = "select state, attempts from job_runs where type = 'entity.export-relations'";
      await until(async () => (await db.query(exports)).rows[0]?.state === "succeeded", "the export job succeeding");
      const runs = await db.query(exports);
      expect(runs.rows).toEqual([{ state: "succeeded", attempts: 1 }]);
      const files = await db.query("select count(*)::int as n from stored_files where purpose = 'relations-export'");
      expect(files.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
    // The job list on A shows what was started on B.
    await page.goto(`${a}/jobs`);
    await expect(page.getByRole("row", { name: /Export personeelslijst/ }).getByText("Geslaagd")).toBeVisible();

    // An instance with another secret cannot read those sessions: it denies, it does not admit.
    const c = `http://localhost:${MISCONFIGURED_PORT}`;
    await page.goto(`${c}/`);
    await expect(page).toHaveURL(/\/signin/);
    expect((await page.request.get(`${c}/api/progress`)).status()).toBe(401);
    expect((await page.request.get(`${a}/api/jobs`)).status()).toBe(200);
  });
});
