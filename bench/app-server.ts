import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Starts `next start` on a database (building first when there is no build), and waits until it answers. */
export async function startAppServer(options: {
  databaseUrl: string;
  port: number;
  nodeArgs?: string[];
  /** More (or other) environment for the server, e.g. BENCH_ANCHOR: "0". */
  env?: Record<string, string>;
}): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    DEMO_MODE: "true",
    BENCH_ANCHOR: "1", // the anchor page of http.page.anchor.p50_ms
    WORKER_IN_PROCESS: "false",
    AUTH_SECRET: "bench-secret-not-for-production-0123456789",
    PORT: String(options.port),
    ...options.env,
  };
  warnIfBuildIsOlderThanSources();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), nextBin, "start", "-p", String(options.port)], { cwd: root, env, stdio: "ignore" });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the app did not start within 60 s");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    pid: server.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      }),
  };
}

/** Signs in through the demo provider over plain HTTP and returns the Cookie header of the session. */
export async function demoSessionCookie(baseUrl: string, userId: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  keep(csrf);
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const signIn = await fetch(`${baseUrl}/api/auth/callback/demo`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, userId, callbackUrl: `${baseUrl}/` }),
  });
  keep(signIn);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`demo sign-in failed (${signIn.status})`);
  return cookieHeader();
}

/** The demo's central expert (who sees every entity), signed in: the Cookie header of the session. */
export async function expertSessionCookie(baseUrl: string, db: Db): Promise<string> {
  const [expert] = await db.select({ id: users.id }).from(users).where(eq(users.email, "expert@demo.vlaanderen.be"));
  return demoSessionCookie(baseUrl, expert!.id);
}

/**
 * It builds only when there is no build, so `next start` may serve older code than the
 * working tree (another change in progress). Said aloud, since the figure is the build's.
 */
function warnIfBuildIsOlderThanSources() {
  const root = path.resolve(import.meta.dirname, "..");
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return;
  const built = statSync(buildId).mtimeMs;
  const newer = ["app", "components", "lib", "messages"].flatMap((folder) =>
    readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs > built)
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))),
  );
  if (newer.length > 0) {
    console.log(`[bench]   WARNING: .next was built before ${newer.length} source file(s) changed (e.g. ${newer.slice(0, 3).join(", ")}): this measures the build; rebuild (npx next build) to measure the working tree`);
  }
}
