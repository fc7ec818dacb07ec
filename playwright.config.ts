import { defineConfig, devices } from "@playwright/test";

// Overridable so that two checkouts on one machine can run their browser tests side by side.
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3201);
// "localhost", not 127.0.0.1: Next rewrites loopback addresses to "localhost" in request URLs,
// and the OIDC redirect URI must match the one the browser used.
export const APP_URL = `http://localhost:${APP_PORT}`;
export const IDP_URL = `http://127.0.0.1:${IDP_PORT}`;

/**
 * Browser tests against the real app (`npm start` on a fresh embedded database with the small
 * demo set) and a real OpenID Connect provider on loopback. Uses Debian's Chromium: no browser
 * download works on our machines.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: APP_URL,
    locale: "nl-BE",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node tests/e2e/support/oidc-provider-server.mjs",
      url: `${IDP_URL}/.well-known/openid-configuration`,
      env: { OIDC_TEST_PORT: String(IDP_PORT), OIDC_TEST_REDIRECT_URI: `${APP_URL}/api/auth/callback/oidc` },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: "rm -rf .data/e2e && node node_modules/.bin/tsx scripts/start.ts",
      url: `${APP_URL}/api/health`,
      env: {
        PORT: String(APP_PORT),
        PGLITE_DIR: ".data/e2e/pglite",
        SEED_SIZE: "small",
        DEMO_MODE: "true",
        AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
        AUTH_URL: APP_URL,
        OIDC_ISSUER: IDP_URL,
        OIDC_CLIENT_ID: "apb-e2e",
        OIDC_CLIENT_SECRET: "apb-e2e-secret",
        OIDC_DISPLAY_NAME: "Test-IdP",
        DATABASE_URL: "",
      },
      reuseExistingServer: false,
      timeout: 420_000,
      stdout: "pipe",
    },
  ],
});
