import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** One-click demo sign-in and demo data. Never on in production. */
  DEMO_MODE: flag,
  APP_ENV: z.enum(["development", "test", "production"]).default("development"),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_DISPLAY_NAME: z.string().default("Vlaamse overheid (ACM/IDM)"),
  /** The bench's anchor page (app/(bench)/bench/anchor): on only for `npm run bench`, never with APP_ENV=production. */
  BENCH_ANCHOR: flag,
  /** Run the job worker inside the web process (always so on the embedded database). */
  WORKER_IN_PROCESS: flag,
  /** The owner's connection for `npm run migrate` when DATABASE_URL is the application's own login. */
  MIGRATION_DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  /** "false": web and worker processes do not migrate at start (migrations run apart, as the owner). */
  MIGRATE_ON_START: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
});

export type AppEnv = z.infer<typeof envSchema>;

let cached: AppEnv | undefined;

export function appEnv(): AppEnv {
  if (!cached) {
    const parsed = envSchema.parse(process.env);
    if (parsed.APP_ENV === "production" && parsed.DEMO_MODE) {
      throw new Error("DEMO_MODE cannot be on when APP_ENV=production.");
    }
    if (parsed.APP_ENV === "production" && parsed.BENCH_ANCHOR) {
      throw new Error("BENCH_ANCHOR cannot be on when APP_ENV=production.");
    }
    cached = parsed;
  }
  return cached;
}

export function oidcConfigured(env: AppEnv = appEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
