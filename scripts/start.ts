/**
 * npm start: everything a newcomer needs in one command.
 *  1. settles the configuration (demo mode and a local auth secret unless in production);
 *  2. migrates the database and loads demo data when it is empty (embedded PGlite unless DATABASE_URL);
 *  3. builds the app when the build is missing or older than the sources;
 *  4. runs `next start` (or `next dev` with --dev) on PORT (default 3000), with the job worker inside.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const production = env.APP_ENV === "production";

env.DEMO_MODE ??= production ? "false" : "true";
env.PORT ??= "3000";
env.PGLITE_DIR ??= path.join(root, ".data", "pglite");
if (env.DATABASE_URL) env.WORKER_IN_PROCESS ??= "true";

if (!env.AUTH_SECRET) {
  if (production) fail("AUTH_SECRET must be set in production (e.g. `openssl rand -base64 32`).");
  env.AUTH_SECRET = localSecret();
}
if (production && !(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET && env.AUTH_URL)) {
  fail("OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and AUTH_URL (the public URL) must be set in production.");
}

const started = Date.now();
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
const needsBuild = !dev && buildIsStale();

const jobs = [run(tsx, [path.join(root, "scripts", "prepare-database.ts")], "prepare")];
if (needsBuild) jobs.push(run(process.execPath, [next, "build"], "build"));
await Promise.all(jobs);
console.log(`[start] ready to serve after ${((Date.now() - started) / 1000).toFixed(1)} s; starting on http://localhost:${env.PORT}`);

const server = spawn(process.execPath, [next, dev ? "dev" : "start", "-p", env.PORT], { cwd: root, env, stdio: "inherit" });
forwardSignals(server);
server.on("exit", (code) => process.exit(code ?? 0));

function run(command: string, args: string[], label: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    forwardSignals(child);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${label} failed with exit code ${code}`))));
  }).catch((error: Error) => fail(error.message));
}

function forwardSignals(child: ChildProcess) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
}

/** A secret kept in the data folder, so demo sessions survive restarts. Never used in production. */
function localSecret(): string {
  const file = path.join(root, ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "db", "messages", "public", "next.config.ts", "package-lock.json", "instrumentation.ts"];
  return sources.some((entry) => newerThan(path.join(root, entry), builtAt));
}

function newerThan(target: string, time: number): boolean {
  if (!existsSync(target)) return false;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  return readdirSync(target).some((name) => newerThan(path.join(target, name), time));
}

function fail(message: string): never {
  console.error(`[start] ${message}`);
  process.exit(1);
}
